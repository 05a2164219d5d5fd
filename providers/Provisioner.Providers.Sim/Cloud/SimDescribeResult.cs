namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The answer of one describe call: the requested objects that exist and are visible, by id.</summary>
public sealed record SimDescribeResult(
    IReadOnlyDictionary<string, SimMachine> Machines,
    IReadOnlyDictionary<string, SimNetwork> Networks);
