using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>
/// <c>hcl to-json</c>: prints a native-syntax file as JSON in exactly the shape of HashiCorp's <c>hcl2json</c>
/// (blocks become <c>type → label… → [body, …]</c>, literals become JSON values, everything else becomes
/// <c>"${source}"</c>).
/// </summary>
public static class HclToJson
{
    /// <summary>
    /// Parses a native-syntax file and returns the hcl2json-shaped JSON (indented, 2 spaces). On syntax errors
    /// <see cref="HclToJsonResult.Diagnostics"/> has errors and <see cref="HclToJsonResult.Json"/> is empty.
    /// </summary>
    public static HclToJsonResult Convert(ReadOnlyMemory<byte> source, string filename)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var parsed = HclSyntax.ParseConfig(source, filename);
        if (parsed.HasErrors)
            return new HclToJsonResult("", parsed.Diagnostics);
        var diags = new DiagnosticList(parsed.Diagnostics);
        var json = ToJsonEmitter.Emit(parsed.Root.Body, source.Length, diags);
        return new HclToJsonResult(json ?? "", diags);
    }
}
