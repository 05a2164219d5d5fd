using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;
using Provisioner.State.Encryption;
using Provisioner.State.Tests.Backends;

namespace Provisioner.State.Tests.Encryption;

/// <summary>
/// The local backend's conformance suite again, every state and journal record stored encrypted with a passphrase key
/// (one cipher per backend, as one per process in the CLI): compare-and-swap, workspaces and the 100,000-resource
/// round trip all work on envelopes.
/// </summary>
public sealed class EncryptedLocalBackendConformanceTests : StateBackendConformance, IDisposable
{
    private static readonly StateEncryption Cipher = TestKeys.Cipher(TestKeys.Pass());
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-encrypted-backend-").FullName;

    protected override Task<IStateBackend> CreateBackendAsync() => Task.FromResult<IStateBackend>(new EncryptingBackend(
        new LocalBackend(Path.Combine(_dir, LocalStateFile.DefaultFileName), Path.Combine(_dir, LocalBackend.DefaultWorkspaceDirectory)),
        Cipher));

    protected override Task AbandonAsync(IStateLock held)
    {
        ((LocalLockHandle)held).Abandon();
        return Task.CompletedTask;
    }

    protected override TimeSpan DeadHolderGrace => TimeSpan.Zero;

    protected override bool ForceUnlockBreaksLiveLocks => false;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
