using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON object: properties in source order, duplicates kept.</summary>
internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(SourceMap map, int start, int end, IReadOnlyList<JsonProperty> properties)
        : base(map, start, end) => Properties = properties;

    public IReadOnlyList<JsonProperty> Properties { get; }

    public SourceRange OpenRange => Map.Range(Start, Start + 1);

    public SourceRange CloseRange => Map.Range(End - 1, End);

    public override SourceRange StartRange => OpenRange;
}
