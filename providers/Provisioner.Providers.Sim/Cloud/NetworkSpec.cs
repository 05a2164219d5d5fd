namespace Provisioner.Providers.Sim.Cloud;

/// <summary>What a network create or update request asks for. The CIDR is fixed at creation.</summary>
public sealed record NetworkSpec(string Name, string Cidr);
