using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>Stands in for a value that failed to parse (it evaluates to an unknown value).</summary>
internal sealed class JsonInvalidNode(JsonSource source, SourceRange range) : JsonNode(source, range);
