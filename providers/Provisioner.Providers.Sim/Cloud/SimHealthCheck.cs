namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A TCP health check on the targets' <paramref name="Port"/> every <paramref name="IntervalSeconds"/>.</summary>
public sealed record SimHealthCheck(int Port, int IntervalSeconds);
