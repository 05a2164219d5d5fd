using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON object: properties in source order, duplicates kept.</summary>
internal sealed class JsonObjectNode(JsonSource source, SourceRange range, IReadOnlyList<JsonProperty> properties, SourceRange openRange, SourceRange closeRange)
    : JsonNode(source, range)
{
    public IReadOnlyList<JsonProperty> Properties { get; } = properties;

    public SourceRange OpenRange { get; } = openRange;

    public SourceRange CloseRange { get; } = closeRange;

    public override SourceRange StartRange => OpenRange;
}
