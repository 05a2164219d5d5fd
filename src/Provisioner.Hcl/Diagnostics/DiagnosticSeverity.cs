namespace Provisioner.Hcl.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
}
