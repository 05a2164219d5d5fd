using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary>A <c>module "NAME" { source = "./x" ... }</c> block; <see cref="Inputs"/> holds the input arguments.</summary>
public sealed record ModuleCall(
    string Name,
    string Source,
    SourceRange SourceRange,
    string? Version,
    IHclExpression? Count,
    IHclExpression? ForEach,
    IReadOnlyList<Traversal> DependsOn,
    IReadOnlyList<PassedProvider> Providers,
    IHclBody Inputs,
    SourceRange DeclRange,
    SourceRange NameRange)
{
    /// <summary>True for <c>./x</c> and <c>../x</c> sources.</summary>
    public bool IsLocalSource => IsLocalPath(Source);

    public static bool IsLocalPath(string source) =>
        source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal) ||
        source is "." or "..";
}
