namespace Provisioner.Hcl.Formatting;

/// <summary>
/// One output line split into hclwrite's three cells, as token index ranges: <c>lead</c> (always), <c>assign</c>
/// (from the <c>=</c> of a single-line attribute) and <c>comment</c> (a trailing line comment after other tokens).
/// An empty cell has <c>Start == End</c>.
/// </summary>
internal struct FmtLine
{
    public int LeadStart;
    public int LeadEnd;
    public int AssignStart;
    public int AssignEnd;
    public int CommentStart;
    public int CommentEnd;

    public readonly bool HasLead => LeadEnd > LeadStart;
    public readonly bool HasAssign => AssignEnd > AssignStart;
    public readonly bool HasComment => CommentEnd > CommentStart;
}
