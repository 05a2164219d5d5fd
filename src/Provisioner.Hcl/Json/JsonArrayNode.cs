using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArrayNode(JsonSource source, SourceRange range, IReadOnlyList<JsonNode> items, SourceRange openRange)
    : JsonNode(source, range)
{
    public IReadOnlyList<JsonNode> Items { get; } = items;

    public SourceRange OpenRange { get; } = openRange;

    public override SourceRange StartRange => OpenRange;
}
