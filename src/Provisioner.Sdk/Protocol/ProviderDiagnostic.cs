using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Sdk.Protocol;

/// <summary>
/// A problem reported by a provider. Providers do not know source files: they point at an attribute path, and the
/// engine turns it into a <see cref="Diagnostic"/> whose subject is that attribute's range in the configuration.
/// </summary>
public sealed record ProviderDiagnostic(DiagnosticSeverity Severity, string Summary, string Detail = "", AttributePath? Path = null)
{
    public static ProviderDiagnostic Error(string summary, string detail = "", AttributePath? path = null) =>
        new(DiagnosticSeverity.Error, summary, detail, path);

    public static ProviderDiagnostic Warning(string summary, string detail = "", AttributePath? path = null) =>
        new(DiagnosticSeverity.Warning, summary, detail, path);

    public bool IsError => Severity == DiagnosticSeverity.Error;
}
