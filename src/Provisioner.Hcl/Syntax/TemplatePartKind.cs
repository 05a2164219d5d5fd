namespace Provisioner.Hcl.Syntax;

/// <summary>Kinds of <see cref="TemplatePart"/>.</summary>
internal enum TemplatePartKind
{
    Literal,
    Interp,
    If,
    Else,
    EndIf,
    For,
    EndFor,
    End,
}
