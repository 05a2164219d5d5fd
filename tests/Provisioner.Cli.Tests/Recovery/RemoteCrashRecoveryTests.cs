using Provisioner.Cli.Tests.Recovery.Servers;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>The crash test with the state, journal and lock in PostgreSQL.</summary>
[Collection(RemoteBackendCollection.Name)]
public sealed class PostgresCrashRecoveryTests(RemoteBackendServers servers) : CrashRecoveryScenario
{
    [Fact]
    public Task Apply_KilledWithSigkill20Times_EndsWithExactlyTheDesiredMachinesOnce() => RunAsync(0, seed: 5432);

    protected override Task PrepareBackendAsync() => RemoteBackendSetup.InitAsync(Workspace, servers.BackendBlock("postgres"));

    protected override Task CheckLoadableAsync(string round) => RemoteBackendSetup.CheckLoadableAsync(Workspace, round);
}

/// <summary>The crash test with the state, journal and lock in etcd.</summary>
[Collection(RemoteBackendCollection.Name)]
public sealed class EtcdCrashRecoveryTests(RemoteBackendServers servers) : CrashRecoveryScenario
{
    [Fact]
    public Task Apply_KilledWithSigkill20Times_EndsWithExactlyTheDesiredMachinesOnce() => RunAsync(0, seed: 2379);

    protected override Task PrepareBackendAsync() => RemoteBackendSetup.InitAsync(Workspace, servers.BackendBlock("etcd"));

    protected override Task CheckLoadableAsync(string round) => RemoteBackendSetup.CheckLoadableAsync(Workspace, round);
}
