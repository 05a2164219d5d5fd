using System.Text.Json;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli.Views;

/// <summary>A diagnostic as JSON, in the shape Terraform's machine-readable output uses.</summary>
internal static class DiagnosticJson
{
    public static void Write(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("severity", d.IsError ? "error" : "warning");
        w.WriteString("summary", d.Summary);
        w.WriteString("detail", d.Detail);
        if (d.Subject is { } r)
        {
            w.WriteStartObject("range");
            w.WriteString("filename", r.Filename);
            WritePos(w, "start", r.Start);
            WritePos(w, "end", r.End);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePos(Utf8JsonWriter w, string name, SourcePos p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("line", p.Line);
        w.WriteNumber("column", p.Column);
        w.WriteNumber("byte", p.Byte);
        w.WriteEndObject();
    }
}
