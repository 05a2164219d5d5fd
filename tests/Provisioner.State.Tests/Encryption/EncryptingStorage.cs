using Provisioner.State.Backends;

namespace Provisioner.State.Tests.Encryption;

/// <summary>Test stand-in: a workspace's storage that encrypts what it stores (see <see cref="EncryptingBackend"/>).</summary>
internal sealed class EncryptingStorage(IStateStorage inner, IStateCipher cipher) : IStateStorage
{
    public string Workspace => inner.Workspace;

    public string Location => inner.Location;

    public string? PreviousVersionHint => inner.PreviousVersionHint;

    public IJournalStorage Journal => new EncryptingJournal(inner.Journal, cipher);

    public async Task<StoredState?> ReadAsync(CancellationToken ct)
    {
        var stored = await inner.ReadAsync(ct);
        if (stored is null)
            return null;
        Assert.True(Provisioner.State.Encryption.StateEncryption.IsEnvelope(stored.Bytes.Span), "the backend holds unencrypted bytes");
        var (json, error) = cipher.DecryptState(stored.Bytes);
        Assert.True(json is not null, error);
        return stored with { Bytes = json };
    }

    public Task<StateWriteResult> WriteAsync(StoredState state, StateVersion? expected, CancellationToken ct) =>
        inner.WriteAsync(state with { Bytes = cipher.EncryptState(state.Bytes.Span, state.Version) }, expected, ct);

    public Task<LockResult> LockAsync(LockRequest request, TimeSpan timeout, CancellationToken ct) => inner.LockAsync(request, timeout, ct);

    public Task<string?> ForceUnlockAsync(string id, CancellationToken ct) => inner.ForceUnlockAsync(id, ct);
}
