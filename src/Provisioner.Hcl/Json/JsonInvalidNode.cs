using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>Stands in for a value that failed to parse (it evaluates to an unknown value).</summary>
internal sealed class JsonInvalidNode : JsonNode
{
    public JsonInvalidNode(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }
}
