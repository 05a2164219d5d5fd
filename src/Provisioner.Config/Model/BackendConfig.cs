using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary><c>backend "NAME" { ... }</c> inside the <c>provisioner</c> block; the body is decoded by the backend.</summary>
public sealed record BackendConfig(string Type, IHclBody Config, SourceRange DeclRange, SourceRange TypeRange);
