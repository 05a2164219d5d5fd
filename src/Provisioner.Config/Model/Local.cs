using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>One entry of a <c>locals { }</c> block.</summary>
public sealed record Local(string Name, IHclExpression Expression, SourceRange DeclRange);
