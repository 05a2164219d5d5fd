using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary>A <c>resource "TYPE" "NAME" { }</c> or <c>data "TYPE" "NAME" { }</c> block.</summary>
/// <param name="Config">The resource's own arguments and nested (and <c>dynamic</c>) blocks, meta-arguments removed.</param>
/// <param name="Provider">The <c>provider = NAME[.ALIAS]</c> meta-argument; null means the default configuration of the type's prefix.</param>
public sealed record Resource(
    ResourceMode Mode,
    string Type,
    string Name,
    IHclExpression? Count,
    IHclExpression? ForEach,
    ProviderRef? Provider,
    IReadOnlyList<Traversal> DependsOn,
    ResourceLifecycle Lifecycle,
    IHclBody Config,
    SourceRange DeclRange,
    SourceRange TypeRange,
    SourceRange NameRange)
{
    /// <summary><c>TYPE.NAME</c> or <c>data.TYPE.NAME</c>.</summary>
    public string Address => Mode == ResourceMode.Data ? $"data.{Type}.{Name}" : $"{Type}.{Name}";

    /// <summary>The provider's local name implied by the type (<c>sim_machine</c> → <c>sim</c>) unless <see cref="Provider"/> is set.</summary>
    public string ProviderName => Provider?.Name ?? ImpliedProviderName(Type);

    public static string ImpliedProviderName(string type)
    {
        var i = type.IndexOf('_', StringComparison.Ordinal);
        return i < 0 ? type : type[..i];
    }

    public override string ToString() => Address;
}
