using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary><c>removed { from = ADDR, lifecycle { destroy = BOOL } }</c>; <see cref="Destroy"/> defaults to true.</summary>
public sealed record RemovedBlock(Traversal From, bool Destroy, SourceRange DeclRange);
