using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Formatting;

/// <summary>
/// One significant token as the formatter sees it (whitespace trivia dropped): its kind, its source bytes and the
/// number of spaces to print before it, which is the only thing formatting changes.
/// </summary>
internal struct FmtToken
{
    public TokenKind Kind;
    public int Start;
    public int End;
    public int SpacesBefore;

    /// <summary>A block label written as a bare identifier, printed in quotes as <c>terraform fmt</c> does.</summary>
    public bool Quote;

    /// <summary>A blank line's newline that blank-line normalisation removes.</summary>
    public bool Drop;

    public FmtToken(TokenKind kind, int start, int end, int spacesBefore)
    {
        Kind = kind;
        Start = start;
        End = end;
        SpacesBefore = spacesBefore;
    }
}
