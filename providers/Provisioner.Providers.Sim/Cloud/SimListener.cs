namespace Provisioner.Providers.Sim.Cloud;

/// <summary>An L4 TCP listener: traffic to <paramref name="Port"/> goes to <paramref name="TargetPort"/> on the targets.</summary>
public sealed record SimListener(int Port, int TargetPort);
