using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provisioner.State;

namespace Provisioner.Cli.Views;

/// <summary>Output of <c>provisioner output</c>: <c>name = value</c> lines, one value, raw text, or JSON.</summary>
internal sealed class OutputView(CliContext ctx)
{
    public const string SensitiveMarker = "<sensitive>";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every output, sorted by name; sensitive ones as <c>&lt;sensitive&gt;</c>.</summary>
    public void AllHuman(IReadOnlyDictionary<string, OutputState> outputs)
    {
        var sb = new StringBuilder();
        foreach (var (name, o) in outputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(name).Append(" = ");
            sb.Append(o.Sensitive ? SensitiveMarker : Format(o));
            sb.Append('\n');
        }
        ctx.Out.Write(sb.ToString());
    }

    public void OneHuman(OutputState output) => ctx.Out.WriteLine(Format(output));

    public void Raw(string text) => ctx.Out.Write(text);

    /// <summary><c>{ "NAME": { "sensitive": B, "type": T, "value": V } }</c>, real values included.</summary>
    public void AllJson(IReadOnlyDictionary<string, OutputState> outputs) => WriteJson(w =>
    {
        w.WriteStartObject();
        foreach (var (name, o) in outputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(name);
            w.WriteBoolean("sensitive", o.Sensitive);
            w.WritePropertyName("type");
            WriteParsed(w, o.TypeJson);
            w.WritePropertyName("value");
            WriteParsed(w, o.ValueJson);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    public void OneJson(OutputState output) => WriteJson(w => WriteParsed(w, output.ValueJson));

    private static string Format(OutputState o)
    {
        using var value = JsonDocument.Parse(o.ValueJson);
        using var type = JsonDocument.Parse(o.TypeJson);
        return StateValueFormatter.ForOutput.Format(value.RootElement, type.RootElement);
    }

    private static void WriteParsed(Utf8JsonWriter w, string json)
    {
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.WriteTo(w);
    }

    private void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
            write(w);
        ctx.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
