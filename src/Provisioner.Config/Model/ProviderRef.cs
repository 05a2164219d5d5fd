using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>A reference to a provider configuration: <c>NAME</c> or <c>NAME.ALIAS</c>.</summary>
public sealed record ProviderRef(string Name, string? Alias, SourceRange Range)
{
    public override string ToString() => Alias is null ? Name : Name + "." + Alias;
}
