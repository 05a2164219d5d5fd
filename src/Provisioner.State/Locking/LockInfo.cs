using System.Text.Json.Serialization;

namespace Provisioner.State.Locking;

/// <summary>Who holds a state lock, Terraform's lock info fields (shown when another command is refused).</summary>
public sealed record LockInfo(
    [property: JsonPropertyName("ID")] string Id,
    [property: JsonPropertyName("Operation")] string Operation,
    [property: JsonPropertyName("Who")] string Who,
    [property: JsonPropertyName("Version")] string Version,
    [property: JsonPropertyName("Created")] DateTimeOffset Created,
    [property: JsonPropertyName("Path")] string Path,
    [property: JsonPropertyName("Pid")] int Pid)
{
    public override string ToString() =>
        $"  ID:        {Id}\n  Path:      {Path}\n  Operation: {Operation}\n  Who:       {Who}\n  Version:   {Version}\n  Created:   {Created:yyyy-MM-dd HH:mm:ss.fffffff zzz}\n  PID:       {Pid}";
}
