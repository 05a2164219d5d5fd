namespace Provisioner.Providers.Sim.Cloud;

/// <summary>What a load balancer create or update asks for (targets are registered one by one).</summary>
public sealed record LoadBalancerSpec(string Name, IReadOnlyList<SimListener> Listeners, SimHealthCheck? HealthCheck);
