using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary>An <c>output "NAME" { }</c> block.</summary>
public sealed record Output(
    string Name,
    IHclExpression Value,
    string Description,
    bool Sensitive,
    IReadOnlyList<Traversal> DependsOn,
    IReadOnlyList<CheckRule> Preconditions,
    SourceRange DeclRange);
