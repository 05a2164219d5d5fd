namespace Provisioner.State.Backends;

/// <summary>
/// Where states live (<c>provisioner { backend "TYPE" { ... } }</c>): one state, journal and lock per workspace.
/// </summary>
/// <remarks>
/// Every implementation passes the shared conformance suite (<c>tests/Provisioner.State.Tests/Backends</c>).
/// Methods throw <see cref="StateBackendException"/> when the backend cannot be reached.
/// </remarks>
public interface IStateBackend : IAsyncDisposable
{
    /// <summary>The backend type as written in the configuration: <c>local</c>, <c>postgres</c>, <c>etcd</c>.</summary>
    string Type { get; }

    /// <summary>
    /// The workspaces that hold a state, sorted ordinally; <c>default</c> is always listed, whether or not it holds one.
    /// </summary>
    Task<IReadOnlyList<string>> ListWorkspacesAsync(CancellationToken ct);

    /// <summary>
    /// Deletes a workspace's state, journal and lock information. The caller has checked that it is not
    /// <c>default</c>, not the selected workspace, and (unless forced) empty; a workspace that does not exist is a no-op.
    /// </summary>
    Task DeleteWorkspaceAsync(string workspace, CancellationToken ct);

    /// <summary>The storage of one workspace (nothing is created until something is written).</summary>
    IStateStorage Workspace(string workspace);
}
