using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary><c>import { to = ADDR, id = EXPR, provider = NAME.ALIAS }</c>.</summary>
public sealed record ImportBlock(Traversal To, IHclExpression Id, ProviderRef? Provider, IHclExpression? ForEach, SourceRange DeclRange);
