using Provisioner.Cli.Tests.Recovery.Servers;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>The concurrency and lease tests with the state and lock in PostgreSQL (lease of 3 s).</summary>
[Collection(RemoteBackendCollection.Name)]
public sealed class PostgresConcurrentApplyTests(RemoteBackendServers servers) : ConcurrentApplyScenario
{
    protected override Task PrepareBackendAsync() => RemoteBackendSetup.InitAsync(Workspace, servers.BackendBlock("postgres", 3));

    protected override TimeSpan LeaseTtl => TimeSpan.FromSeconds(3);
}

/// <summary>The concurrency and lease tests with the state and lock in etcd (lease of 3 s).</summary>
[Collection(RemoteBackendCollection.Name)]
public sealed class EtcdConcurrentApplyTests(RemoteBackendServers servers) : ConcurrentApplyScenario
{
    protected override Task PrepareBackendAsync() => RemoteBackendSetup.InitAsync(Workspace, servers.BackendBlock("etcd", 3));

    protected override TimeSpan LeaseTtl => TimeSpan.FromSeconds(3);
}
