using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON string; <see cref="Value"/> is the decoded text, the range includes the quotes.</summary>
internal sealed class JsonStringNode(JsonSource source, SourceRange range, string value) : JsonNode(source, range)
{
    public string Value { get; } = value;
}
