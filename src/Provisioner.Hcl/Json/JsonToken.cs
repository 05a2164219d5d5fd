using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>A JSON token: kind and start/end positions (HCL's JSON position rules, see <see cref="JsonScanner"/>).</summary>
internal readonly record struct JsonToken(JsonTokenKind Kind, SourcePos Start, SourcePos End);
