using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON number, kept as its exact source text.</summary>
internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(SourceMap map, int start, int end, string text)
        : base(map, start, end) => Text = text;

    public string Text { get; }
}
