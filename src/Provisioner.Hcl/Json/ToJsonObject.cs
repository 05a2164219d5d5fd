namespace Provisioner.Hcl.Json;

/// <summary>
/// A JSON object under construction for <c>hcl to-json</c>. Values are <see cref="string"/> (a JSON string),
/// <see cref="ToJsonRaw"/> (number, bool or null text), <see cref="List{T}"/> of values, or another
/// <see cref="ToJsonObject"/>. Later keys replace earlier ones (as a Go map does); keys are written sorted.
/// </summary>
internal sealed class ToJsonObject
{
    public Dictionary<string, object> Members { get; } = new(StringComparer.Ordinal);
}
