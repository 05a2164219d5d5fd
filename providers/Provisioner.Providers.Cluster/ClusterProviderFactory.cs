using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;

namespace Provisioner.Providers.Cluster;

/// <summary>Creates <c>cluster</c> providers (docs/providers/cluster.md).</summary>
/// <param name="drivers">The node drivers by bootstrap URI scheme (the CLI registers the sim's, later SSH's).</param>
/// <param name="time">Clock for certificate validity; the system clock by default.</param>
public sealed class ClusterProviderFactory(NodeDriverRegistry drivers, TimeProvider? time = null) : IProviderFactory
{
    public string Name => "cluster";

    public IProvider Create() => new ClusterProvider(drivers, time ?? TimeProvider.System);
}
