using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>One <c>"name": value</c> pair of a JSON object; <see cref="NameNode"/> keeps the quoted name's span.</summary>
internal sealed record JsonProperty(JsonStringNode NameNode, JsonNode Value)
{
    public string Name => NameNode.Value;

    public SourceRange NameRange => NameNode.Range;

    public SourceRange Range => SourceRange.Between(NameRange, Value.Range);
}
