namespace Provisioner.Hcl.Diagnostics;

/// <summary>A user-facing problem report: a value, never an exception.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Summary">A short sentence, as in HCL ("Unsupported argument").</param>
/// <param name="Detail">A longer explanation, possibly with a hint ("Did you mean ...?").</param>
/// <param name="Subject">The exact range the problem is about, when there is one.</param>
/// <param name="Context">A wider range that gives context (for example a whole expression).</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Summary,
    string Detail = "",
    SourceRange? Subject = null,
    SourceRange? Context = null)
{
    public static Diagnostic Error(string summary, string detail = "", SourceRange? subject = null, SourceRange? context = null) =>
        new(DiagnosticSeverity.Error, summary, detail, subject, context);

    public static Diagnostic Warning(string summary, string detail = "", SourceRange? subject = null, SourceRange? context = null) =>
        new(DiagnosticSeverity.Warning, summary, detail, subject, context);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = Subject is { } s ? s.ToString() + ": " : "";
        var sev = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Detail.Length == 0 ? $"{where}{sev}: {Summary}" : $"{where}{sev}: {Summary}; {Detail}";
    }
}
