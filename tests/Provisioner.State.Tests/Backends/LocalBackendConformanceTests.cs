using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;

namespace Provisioner.State.Tests.Backends;

/// <summary>The local backend against the shared conformance suite, in a temporary directory.</summary>
public sealed class LocalBackendConformanceTests : StateBackendConformance, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-local-backend-").FullName;

    protected override Task<IStateBackend> CreateBackendAsync() => Task.FromResult<IStateBackend>(
        new LocalBackend(Path.Combine(_dir, LocalStateFile.DefaultFileName), Path.Combine(_dir, LocalBackend.DefaultWorkspaceDirectory)));

    protected override Task AbandonAsync(IStateLock held)
    {
        ((LocalLockHandle)held).Abandon();
        return Task.CompletedTask;
    }

    protected override TimeSpan DeadHolderGrace => TimeSpan.Zero;

    protected override bool ForceUnlockBreaksLiveLocks => false;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
