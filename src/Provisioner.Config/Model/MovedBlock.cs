using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary><c>moved { from = ADDR, to = ADDR }</c>.</summary>
public sealed record MovedBlock(Traversal From, Traversal To, SourceRange DeclRange);
