using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class JsonKeywordNode(JsonSource source, SourceRange range, JsonKeyword keyword) : JsonNode(source, range)
{
    public JsonKeyword Keyword { get; } = keyword;
}
