using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary><c>check "NAME" { data ... { } assert { condition, error_message } }</c>; failures are warnings.</summary>
public sealed record CheckBlock(string Name, IReadOnlyList<Resource> ScopedData, IReadOnlyList<CheckRule> Asserts, SourceRange DeclRange);
