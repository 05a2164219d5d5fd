using Provisioner.State.Backends;

namespace Provisioner.State.Tests.Encryption;

/// <summary>
/// Test stand-in: a backend whose workspaces encrypt every state and journal record on the way in and decrypt on the
/// way out, around a real backend, so the conformance suite runs on encrypted bytes.
/// </summary>
internal sealed class EncryptingBackend(IStateBackend inner, IStateCipher cipher) : IStateBackend
{
    public string Type => inner.Type;

    public Task<IReadOnlyList<string>> ListWorkspacesAsync(CancellationToken ct) => inner.ListWorkspacesAsync(ct);

    public Task DeleteWorkspaceAsync(string workspace, CancellationToken ct) => inner.DeleteWorkspaceAsync(workspace, ct);

    public IStateStorage Workspace(string workspace) => new EncryptingStorage(inner.Workspace(workspace), cipher);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
