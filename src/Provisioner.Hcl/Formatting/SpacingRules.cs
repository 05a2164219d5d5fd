using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Formatting;

/// <summary>
/// The horizontal spacing rules between two neighbouring tokens of the same cell, as <c>terraform fmt</c>
/// (hclwrite) applies them. <see cref="TokenKind.None"/> stands for "no token" before or after.
/// </summary>
internal static class SpacingRules
{
    /// <summary>+1 for an opening bracket (including <c>${</c> and <c>%{</c>), -1 for a closing one, else 0.</summary>
    public static int BracketChange(TokenKind kind) => kind switch
    {
        TokenKind.OBrace or TokenKind.OBrack or TokenKind.OParen or TokenKind.TemplateControl or TokenKind.TemplateInterp => 1,
        TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.TemplateSeqEnd => -1,
        _ => 0,
    };

    /// <summary>Whether one space goes between <paramref name="subject"/> and <paramref name="after"/>.</summary>
    /// <param name="subject">The token the space would follow.</param>
    /// <param name="subjectIsIn">True when the subject is the identifier <c>in</c>.</param>
    /// <param name="before">The token before the subject in the same cell, or None.</param>
    /// <param name="after">The token the space would precede.</param>
    public static bool SpaceAfter(TokenKind subject, bool subjectIsIn, TokenKind before, TokenKind after)
    {
        if (after is TokenKind.Newline or TokenKind.None)
            return false;
        if (subject == TokenKind.Ident && after == TokenKind.OParen)
            return false; // function name and its argument list
        if ((subject == TokenKind.Ident && after == TokenKind.DoubleColon) || (subject == TokenKind.DoubleColon && after == TokenKind.Ident))
            return false; // namespaced function names
        if (subject == TokenKind.Dot || after == TokenKind.Dot)
            return false;
        if (after is TokenKind.Comma or TokenKind.Ellipsis)
            return false;
        if (subject == TokenKind.Comma)
            return true;
        if (subject is TokenKind.QuotedLit or TokenKind.StringLit or TokenKind.OQuote or TokenKind.OHeredoc
            || after is TokenKind.QuotedLit or TokenKind.StringLit or TokenKind.CQuote or TokenKind.CHeredoc)
        {
            return false; // template literal text is never padded
        }
        if (subjectIsIn && before == TokenKind.Ident)
            return true; // "for x in [a]" keeps the keyword apart from a tuple
        if (after == TokenKind.OBrack && (subject is TokenKind.Ident or TokenKind.NumberLit || BracketChange(subject) < 0))
            return false; // index and splat steps
        if (subject == TokenKind.Bang)
            return false;
        if (subject == TokenKind.Minus)
            return !IsNegationContext(before);
        if (subject == TokenKind.OBrace || after == TokenKind.CBrace)
            return !(subject == TokenKind.OBrace && after == TokenKind.CBrace); // "{ a = 1 }" but "{}"
        if (subject is TokenKind.TemplateInterp or TokenKind.TemplateControl && after == TokenKind.OBrace)
            return true;
        if (subject == TokenKind.CBrace && after == TokenKind.TemplateSeqEnd)
            return true;
        if (subject == TokenKind.TemplateSeqEnd && after is TokenKind.TemplateInterp or TokenKind.TemplateControl)
            return false;
        if (BracketChange(subject) > 0)
            return false;
        if (BracketChange(after) < 0)
            return false;
        return true;
    }

    /// <summary>A minus after one of these (or at the start) is read as a negation and stays attached.</summary>
    private static bool IsNegationContext(TokenKind before) => before is TokenKind.None
        or TokenKind.OParen or TokenKind.OBrace or TokenKind.OBrack or TokenKind.Equal or TokenKind.Colon or TokenKind.Comma or TokenKind.Question
        or TokenKind.Plus or TokenKind.Star or TokenKind.Slash or TokenKind.Percent or TokenKind.Minus
        or TokenKind.EqualOp or TokenKind.NotEqual or TokenKind.GreaterThan or TokenKind.GreaterThanEq or TokenKind.LessThan or TokenKind.LessThanEq
        or TokenKind.And or TokenKind.Or or TokenKind.Bang;
}
