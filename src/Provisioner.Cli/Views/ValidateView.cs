using System.Text.Json;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli.Views;

/// <summary>Output of <c>provisioner validate</c>: diagnostics, then the verdict; or one JSON document.</summary>
internal sealed class ValidateView(CliContext ctx)
{
    public void Human(DiagnosticList diags)
    {
        ctx.WriteDiagnostics(diags);
        if (!diags.HasErrors)
            ctx.Out.WriteLine(ctx.Color ? "\u001b[1;32mSuccess!\u001b[0m The configuration is valid." : "Success! The configuration is valid.");
    }

    public void Json(DiagnosticList diags)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", 1);
            w.WriteBoolean("valid", !diags.HasErrors);
            w.WriteNumber("error_count", diags.Count(d => d.IsError));
            w.WriteNumber("warning_count", diags.Count(d => !d.IsError));
            w.WriteStartArray("diagnostics");
            foreach (var d in diags)
                DiagnosticJson.Write(w, d);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        ctx.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
