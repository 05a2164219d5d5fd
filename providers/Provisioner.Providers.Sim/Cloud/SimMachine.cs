namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A machine as the simulated cloud records it (the cloud-side truth, not Provisioner's state).</summary>
/// <param name="Id">Cloud id, <c>m-</c> + 8 hex digits, never reused within one inventory.</param>
/// <param name="Address">IPv4 address allocated from the network's CIDR (or the default pool).</param>
/// <param name="CreatedAt">When the cloud created it (UTC).</param>
public sealed record SimMachine(
    string Id,
    string Name,
    string? Image,
    string Size,
    string Zone,
    string? NetworkId,
    IReadOnlyDictionary<string, string> Labels,
    string Address,
    DateTimeOffset CreatedAt);
