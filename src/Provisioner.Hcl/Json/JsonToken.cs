namespace Provisioner.Hcl.Json;

/// <summary>A JSON token: kind and byte span in the source buffer.</summary>
internal readonly record struct JsonToken(JsonTokenKind Kind, int Start, int End);
