using Provisioner.Sdk.Bootstrap;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The node driver factory for <c>sim:</c> bootstrap URIs (the simulated node software).</summary>
public sealed class NodeSoftwareDriverFactory(TimeProvider? time = null, TimeSpan? etcdChangeTime = null) : INodeDriverFactory
{
    private readonly NodeSoftware _driver = new(time ?? TimeProvider.System, etcdChangeTime);

    public string Scheme => NodeSoftwareAddress.Scheme;

    public INodeDriver Create() => _driver;
}
