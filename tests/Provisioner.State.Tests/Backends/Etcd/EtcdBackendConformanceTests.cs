using Provisioner.State.Backends;
using Provisioner.State.Etcd;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>The etcd backend against the shared conformance suite, under a fresh prefix per test, with 2 s leases.</summary>
[Collection(EtcdCollection.Name)]
public sealed class EtcdBackendConformanceTests(EtcdFixture etcd) : StateBackendConformance
{
    private const int LeaseTtlSeconds = 2;

    protected override Task<IStateBackend> CreateBackendAsync() => Task.FromResult<IStateBackend>(etcd.CreateBackend(LeaseTtlSeconds));

    protected override Task AbandonAsync(IStateLock held) => ((EtcdLock)held).AbandonAsync();

    protected override TimeSpan DeadHolderGrace => TimeSpan.FromSeconds(LeaseTtlSeconds);

    protected override bool ForceUnlockBreaksLiveLocks => true;
}
