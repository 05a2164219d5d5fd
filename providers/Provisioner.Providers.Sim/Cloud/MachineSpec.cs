namespace Provisioner.Providers.Sim.Cloud;

/// <summary>What a create or update request asks for. Zone and network are fixed at creation.</summary>
public sealed record MachineSpec(
    string Name,
    string? Image,
    string Size,
    string Zone,
    string? NetworkId,
    IReadOnlyDictionary<string, string> Labels);
