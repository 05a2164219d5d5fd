using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Config;

/// <summary>A resolved input variable value and where it came from.</summary>
/// <param name="Value">Converted to the declared type, marked sensitive when the variable is.</param>
/// <param name="Origin">Human description: <c>"default"</c>, <c>"environment variable PROVISIONER_VAR_x"</c>, a file name, <c>"-var"</c>.</param>
public sealed record InputValue(HclValue Value, ValueSourceKind Source, string Origin, SourceRange? Range);
