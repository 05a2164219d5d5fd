namespace Provisioner.Hcl.Syntax;

/// <summary>An intermediate template item (HCL's "template token") used while building template trees.</summary>
internal sealed class TemplatePart
{
    public TemplatePartKind Kind;
    public string Value = "";
    public int Start;
    public int End;
    public Expression? Expr;
    public string? KeyVar;
    public string? ValueVar;
    public bool StripBefore;
    public bool StripAfter;

    public TemplateDirectiveMarker Marker => new(Start, End, StripBefore, StripAfter);

    public string DirectiveName => Kind switch
    {
        TemplatePartKind.Else => "else",
        TemplatePartKind.EndIf => "endif",
        _ => "endfor",
    };
}
