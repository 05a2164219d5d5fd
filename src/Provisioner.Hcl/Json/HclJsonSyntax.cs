using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Entry points for HCL's JSON syntax (<c>json/spec.md</c>). Parsing keeps property order, duplicate properties and
/// exact number text; errors are diagnostics with HCL's summaries and exact ranges.
/// </summary>
public static class HclJsonSyntax
{
    /// <summary>Parses a JSON configuration file. The root must be an object or an array of objects.</summary>
    public static HclJsonParseResult Parse(ReadOnlyMemory<byte> src, string filename) => Parse(src, filename, SourcePos.Start);

    /// <summary>Parses a JSON configuration file whose first byte is at <paramref name="start"/>.</summary>
    public static HclJsonParseResult Parse(ReadOnlyMemory<byte> src, string filename, SourcePos start)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var (root, diags) = JsonParser.Parse(new JsonSource(filename, src, start));
        if (root is not JsonObjectNode and not JsonArrayNode)
        {
            diags.Add(Diagnostic.Error("Root value must be object",
                "The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.", root.StartRange));
        }
        return new HclJsonParseResult(new HclJsonFile(new JsonBody(root), src), diags);
    }

    /// <summary>Parses a single JSON value as an expression (e.g. a variable value given as JSON).</summary>
    public static HclJsonExpressionResult ParseExpression(ReadOnlyMemory<byte> src, string filename) => ParseExpression(src, filename, SourcePos.Start);

    /// <summary>Parses a single JSON value, whose first byte is at <paramref name="start"/>, as an expression.</summary>
    public static HclJsonExpressionResult ParseExpression(ReadOnlyMemory<byte> src, string filename, SourcePos start)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var (root, diags) = JsonParser.Parse(new JsonSource(filename, src, start));
        return new HclJsonExpressionResult(new JsonExpression(root), diags);
    }
}
