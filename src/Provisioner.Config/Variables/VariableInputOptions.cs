using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>Options for <see cref="VariableInputs.Resolve"/>.</summary>
/// <param name="Time">Clock for functions in validation conditions (<c>timestamp()</c>); the system clock when null.</param>
/// <param name="Sources">Where variable files read are registered for rendering diagnostics.</param>
/// <param name="DisplayRoot">Variable file names in diagnostics are relative to this directory; the working directory when null.</param>
public sealed record VariableInputOptions(TimeProvider? Time = null, SourceFiles? Sources = null, string? DisplayRoot = null);
