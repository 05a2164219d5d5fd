using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>A <c>provider "NAME" { alias = "..." ... }</c> block; <see cref="Config"/> holds the remaining arguments.</summary>
public sealed record ProviderConfig(
    string Name,
    string? Alias,
    IHclBody Config,
    SourceRange DeclRange,
    SourceRange NameRange)
{
    /// <summary><c>NAME</c> or <c>NAME.ALIAS</c>.</summary>
    public string Address => Alias is null ? Name : Name + "." + Alias;
}
