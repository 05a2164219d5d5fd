using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class JsonKeywordNode : JsonNode
{
    public JsonKeywordNode(SourceMap map, int start, int end, JsonKeyword keyword)
        : base(map, start, end) => Keyword = keyword;

    public JsonKeyword Keyword { get; }
}
