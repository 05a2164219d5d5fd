using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON string; <see cref="Value"/> is the decoded text, the span includes the quotes.</summary>
internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(SourceMap map, int start, int end, string value)
        : base(map, start, end) => Value = value;

    public string Value { get; }
}
