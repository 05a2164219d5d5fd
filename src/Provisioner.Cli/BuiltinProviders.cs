using Provisioner.Providers.Sim;
using Provisioner.Sdk;

namespace Provisioner.Cli;

/// <summary>The providers bundled with the CLI, registered by name for the engine.</summary>
internal static class BuiltinProviders
{
    public static ProviderRegistry Create() => new ProviderRegistry()
        .Register(new SimProviderFactory())
        .Register(new Providers.Cluster.ClusterProviderFactory(new Sdk.Bootstrap.NodeDriverRegistry().Register(new Providers.Sim.Cloud.NodeSoftwareDriverFactory())));
}
