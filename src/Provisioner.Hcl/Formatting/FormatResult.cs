using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Formatting;

/// <summary>
/// The outcome of <see cref="HclFormatter.Format"/>: the formatted bytes (the input unchanged when the file has
/// syntax errors) and the parser's diagnostics.
/// </summary>
public sealed record FormatResult(byte[] Output, DiagnosticList Diagnostics);
