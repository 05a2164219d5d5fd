using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(SourceMap map, int start, int end, IReadOnlyList<JsonNode> items)
        : base(map, start, end) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public SourceRange OpenRange => Map.Range(Start, Start + 1);

    public override SourceRange StartRange => OpenRange;
}
