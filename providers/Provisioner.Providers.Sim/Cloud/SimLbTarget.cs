namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A node registered with a load balancer: its name, its machine and the address traffic goes to.</summary>
public sealed record SimLbTarget(string NodeName, string MachineId, string Address);
