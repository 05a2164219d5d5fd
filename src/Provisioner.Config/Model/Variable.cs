using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Config;

/// <summary>A <c>variable "NAME" { }</c> block.</summary>
/// <param name="Type">The type constraint (with optional-attribute defaults); <c>any</c> when not given.</param>
/// <param name="Default">The default value, already converted to <paramref name="Type"/>; null when the variable is required.</param>
public sealed record Variable(
    string Name,
    HclTypeConstraint Type,
    bool TypeGiven,
    HclValue? Default,
    string Description,
    bool Sensitive,
    bool Nullable,
    IReadOnlyList<CheckRule> Validations,
    SourceRange DeclRange,
    SourceRange? DefaultRange)
{
    /// <summary>True when there is no <c>default</c> (a value must be given).</summary>
    public bool Required => Default is null;
}
