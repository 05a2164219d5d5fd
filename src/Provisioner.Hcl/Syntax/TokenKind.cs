namespace Provisioner.Hcl.Syntax;

/// <summary>The kind of a <see cref="Token"/>. Trivia kinds (whitespace, comments, BOM) are kept so the token array covers every byte.</summary>
public enum TokenKind : byte
{
    None = 0,

    /// <summary>Spaces and tabs between tokens.</summary>
    Whitespace,
    /// <summary>A <c>/* */</c> comment, or a <c>#</c>/<c>//</c> comment at the end of the file with no newline.</summary>
    Comment,
    /// <summary>A <c>#</c> or <c>//</c> comment including the newline that ends it; it acts as a newline, as in HCL.</summary>
    LineComment,
    /// <summary>A UTF-8 byte order mark at the start of the file (ignored, as HCL does).</summary>
    Bom,

    Newline,
    Ident,
    NumberLit,

    OQuote,
    CQuote,
    /// <summary>Literal text inside a quoted template (escapes not yet decoded).</summary>
    QuotedLit,
    /// <summary>A newline inside a quoted template (an error).</summary>
    QuotedNewline,
    /// <summary><c>&lt;&lt;EOT</c> or <c>&lt;&lt;-EOT</c> including the newline that follows it.</summary>
    OHeredoc,
    /// <summary>The closing heredoc marker line, including its indentation but not its newline.</summary>
    CHeredoc,
    /// <summary>Literal text in a heredoc or bare template (one token per line at most).</summary>
    StringLit,

    /// <summary><c>${</c> or <c>${~</c>.</summary>
    TemplateInterp,
    /// <summary><c>%{</c> or <c>%{~</c>.</summary>
    TemplateControl,
    /// <summary><c>}</c> or <c>~}</c> closing a template sequence.</summary>
    TemplateSeqEnd,

    OBrace,
    CBrace,
    OBrack,
    CBrack,
    OParen,
    CParen,

    Comma,
    Dot,
    Ellipsis,
    Colon,
    DoubleColon,
    Question,
    FatArrow,
    Equal,

    Plus,
    Minus,
    Star,
    Slash,
    Percent,

    EqualOp,
    NotEqual,
    LessThan,
    LessThanEq,
    GreaterThan,
    GreaterThanEq,
    And,
    Or,
    Bang,

    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    BitwiseNot,
    StarStar,
    Semicolon,
    Apostrophe,
    Backtick,
    /// <summary>A character that is not used in the language.</summary>
    Invalid,
    /// <summary>A byte that is not part of valid UTF-8.</summary>
    BadUtf8,

    EndOfFile,
}
