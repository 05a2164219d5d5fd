using Provisioner.State.Backends;
using Provisioner.State.Postgres;

namespace Provisioner.State.Tests.Backends.Postgres;

/// <summary>
/// The postgres backend against the shared conformance suite, on the throwaway server, each test in a fresh schema,
/// with a 2-second lease so a dead holder's lock frees itself quickly.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackendConformanceTests(PostgresServerFixture server) : StateBackendConformance
{
    private const long LeaseTtlSeconds = 2;

    protected override Task<IStateBackend> CreateBackendAsync() =>
        Task.FromResult<IStateBackend>(PostgresTestBackends.CreateOk(server, PostgresTestBackends.NewSchema(), LeaseTtlSeconds));

    protected override Task AbandonAsync(IStateLock held) => ((PostgresLease)held).AbandonAsync();

    protected override TimeSpan DeadHolderGrace => TimeSpan.FromSeconds(LeaseTtlSeconds);

    protected override bool ForceUnlockBreaksLiveLocks => true;
}
