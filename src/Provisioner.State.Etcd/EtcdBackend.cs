using System.Text;
using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// <c>backend "etcd"</c>: states, journals and locks in etcd (v3 API, through its JSON gateway), under a key prefix.
/// Layout, chunking and leases: <c>src/Provisioner.State.Etcd/README.md</c> and <c>docs/state.md</c>.
/// </summary>
public sealed class EtcdBackend : IStateBackend
{
    internal EtcdBackend(EtcdClient client, string prefix, long leaseTtlSeconds, TimeProvider time)
    {
        Client = client;
        Keys = new EtcdKeys(prefix);
        LeaseTtlSeconds = leaseTtlSeconds;
        Time = time;
    }

    public string Type => "etcd";

    /// <summary>The key prefix every key of this backend starts with.</summary>
    public string Prefix => Keys.Prefix;

    /// <summary>The time-to-live of lock leases, in seconds.</summary>
    public long LeaseTtlSeconds { get; }

    internal EtcdClient Client { get; }

    internal EtcdKeys Keys { get; }

    internal TimeProvider Time { get; }

    public async Task<IReadOnlyList<string>> ListWorkspacesAsync(CancellationToken ct)
    {
        var prefix = EtcdKeys.Bytes(Keys.HeadsPrefix);
        var r = await Client.RangeAsync(prefix, EtcdKeys.RangeEnd(prefix), ct, keysOnly: true).ConfigureAwait(false);
        var names = new SortedSet<string>(StringComparer.Ordinal) { Workspaces.Default };
        foreach (var kv in EtcdJson.Kvs(r))
        {
            var name = Encoding.UTF8.GetString(kv.Key)[Keys.HeadsPrefix.Length..];
            if (Workspaces.IsValidName(name))
                names.Add(name);
        }
        return [.. names];
    }

    public async Task DeleteWorkspaceAsync(string workspace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace == Workspaces.Default)
            throw new InvalidOperationException("The default workspace cannot be deleted.");
        if (!Workspaces.IsValidName(workspace))
            throw new ArgumentException($"Invalid workspace name \"{workspace}\".", nameof(workspace));
        // The head first: from then on the workspace is not listed and holds no state, whatever else remains.
        await Client.DeleteRangeAsync(EtcdKeys.Bytes(Keys.Head(workspace)), null, ct).ConfigureAwait(false);
        foreach (var p in new[] { Keys.ChunksPrefix(workspace), Keys.JournalPrefix(workspace) })
        {
            var bytes = EtcdKeys.Bytes(p);
            await Client.DeleteRangeAsync(bytes, EtcdKeys.RangeEnd(bytes), ct).ConfigureAwait(false);
        }
        await Client.DeleteRangeAsync(EtcdKeys.Bytes(Keys.Lock(workspace)), null, ct).ConfigureAwait(false);
    }

    public IStateStorage Workspace(string workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!Workspaces.IsValidName(workspace))
            throw new ArgumentException($"Invalid workspace name \"{workspace}\".", nameof(workspace));
        return new EtcdStateStorage(this, workspace);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
