using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON number, kept as its exact source text.</summary>
internal sealed class JsonNumberNode(JsonSource source, SourceRange range, string text) : JsonNode(source, range)
{
    public string Text { get; } = text;
}
