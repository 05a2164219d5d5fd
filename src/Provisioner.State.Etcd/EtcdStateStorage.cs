using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// One workspace in etcd. The state's bytes are stored in chunks under a generation of their own, written first; one
/// transaction then swaps the head key to the new generation if the head is still the one the writer read (its
/// <c>mod_revision</c>), so readers, who read the head and then its chunks at the head's revision, see the old state
/// or the new one, never a mix. The previous generation is kept; older ones are deleted.
/// </summary>
internal sealed class EtcdStateStorage(EtcdBackend backend, string workspace) : IStateStorage
{
    /// <summary>Bytes of state per chunk key: well under etcd's default 1.5 MiB request limit once base64-encoded.</summary>
    internal const int ChunkSize = 512 * 1024;

    private const int Parallelism = 8;
    private EtcdStateHead? _lastHead;

    /// <summary>Runs after the chunks are written and before the head is swapped (tests: a writer racing in between).</summary>
    internal Func<Task>? BeforeSwap { get; set; }

    private EtcdClient Client => backend.Client;

    private EtcdKeys Keys => backend.Keys;

    public string Workspace { get; } = workspace;

    public string Location => $"etcd {backend.Client.Describe}, key \"{Keys.Head(Workspace)}\"";

    public string? PreviousVersionHint => _lastHead is { PreviousGeneration: { } g, PreviousVersion: { } v }
        ? $"The previous version ({v}) is kept in etcd under \"{Keys.GenerationPrefix(Workspace, g)}\"."
        : null;

    public IJournalStorage Journal => new EtcdJournalStorage(Client, Keys, Workspace);

    /// <summary>Reads with a pause between the head and its chunks (tests: a write in between must not tear the read).</summary>
    internal Task<StoredState?> ReadPausingAsync(Func<Task> betweenHeadAndChunks, CancellationToken ct) => ReadCoreAsync(betweenHeadAndChunks, ct);

    public Task<StoredState?> ReadAsync(CancellationToken ct) => ReadCoreAsync(null, ct);

    private async Task<StoredState?> ReadCoreAsync(Func<Task>? betweenHeadAndChunks, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await Client.RangeAsync(EtcdKeys.Bytes(Keys.Head(Workspace)), null, ct).ConfigureAwait(false);
            var kv = EtcdJson.Kvs(response).FirstOrDefault();
            if (kv is null)
                return null;
            var head = EtcdStateHead.TryParse(kv.Value);
            if (head is null)
                return new StoredState(StoredState.Unreadable, kv.Value);
            _lastHead = head;
            if (betweenHeadAndChunks is not null)
                await betweenHeadAndChunks().ConfigureAwait(false);
            try
            {
                // The chunks as of the head's read: a later write or cleanup cannot tear them.
                var bytes = await ReadChunksAsync(head, EtcdJson.HeaderRevision(response), ct).ConfigureAwait(false);
                return new StoredState(head.Version, bytes);
            }
            catch (StateBackendException ex) when (attempt < 3 && ex.InnerException is EtcdErrorException { Code: EtcdErrorException.OutOfRange })
            {
                // The revision was compacted meanwhile: read the head again.
            }
        }
    }

    private async Task<byte[]> ReadChunksAsync(EtcdStateHead head, long revision, CancellationToken ct)
    {
        var bytes = new byte[head.Size];
        var missing = new List<int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, head.Chunks), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var key = EtcdKeys.Bytes(Keys.Chunk(Workspace, head.Generation, i));
                var r = await Client.RangeAsync(key, null, token, revision).ConfigureAwait(false);
                var kv = EtcdJson.Kvs(r).FirstOrDefault();
                var offset = (long)i * ChunkSize;
                var expected = (int)Math.Min(ChunkSize, head.Size - offset);
                if (kv is null || kv.Value.Length != expected)
                {
                    lock (missing)
                        missing.Add(i);
                    return;
                }
                kv.Value.CopyTo(bytes, offset);
            }).ConfigureAwait(false);
        if (missing.Count > 0 || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), head.Sha256, StringComparison.Ordinal))
        {
            var what = missing.Count > 0 ? $"chunk {missing.Min()} of generation {head.Generation} is missing or damaged" : "its checksum does not match";
            throw new StateBackendException($"The state ({head.Version}) in {Location} cannot be read: {what}. {PreviousVersionHint}".TrimEnd());
        }
        return bytes;
    }

    public async Task<StateWriteResult> WriteAsync(StoredState state, StateVersion? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var headKey = EtcdKeys.Bytes(Keys.Head(Workspace));
        var current = EtcdJson.Kvs(await Client.RangeAsync(headKey, null, ct).ConfigureAwait(false)).FirstOrDefault();
        var currentHead = current is null ? null : EtcdStateHead.TryParse(current.Value);
        var currentVersion = current is null ? (StateVersion?)null : currentHead?.Version ?? StoredState.Unreadable;
        if (currentVersion != expected)
            return StateWriteResult.Stale(currentVersion);

        // The generation's name starts with the revision of the head it replaces: a cleanup by a later writer spares
        // generations built on its own head (writers in flight) and deletes those built on older heads (crashed or
        // stale writers, whose swap can no longer succeed).
        var baseRevision = current?.ModRevision ?? 0;
        var generation = baseRevision.ToString("D20", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var bytes = state.Bytes;
        var chunks = (int)((bytes.Length + (long)ChunkSize - 1) / ChunkSize);
        var head = new EtcdStateHead(state.Version, generation, chunks, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
            currentHead?.Generation, currentHead?.Version);
        var genPrefix = EtcdKeys.Bytes(Keys.GenerationPrefix(Workspace, generation));
        JsonElement txn;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, chunks), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (i, token) =>
                {
                    var chunk = bytes.Slice(i * ChunkSize, Math.Min(ChunkSize, bytes.Length - (i * ChunkSize)));
                    await Client.PutAsync(EtcdKeys.Bytes(Keys.Chunk(Workspace, generation, i)), chunk, token).ConfigureAwait(false);
                }).ConfigureAwait(false);
            if (BeforeSwap is { } hook)
                await hook().ConfigureAwait(false);
            var headValue = head.ToJson();
            txn = await Client.TxnAsync(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("compare");
                w.WriteStartObject();
                w.WriteBase64String("key", headKey);
                w.WriteString("result", "EQUAL");
                if (current is null)
                {
                    w.WriteString("target", "CREATE");
                    w.WriteString("create_revision", "0");
                }
                else
                {
                    w.WriteString("target", "MOD");
                    w.WriteString("mod_revision", current.ModRevision.ToString(CultureInfo.InvariantCulture));
                }
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("success");
                EtcdTxnOps.Put(w, headKey, headValue);
                w.WriteEndArray();
                w.WriteStartArray("failure");
                EtcdTxnOps.Get(w, headKey);
                w.WriteEndArray();
                w.WriteEndObject();
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StateBackendException or OperationCanceledException)
        {
            await TryDeleteAsync(genPrefix).ConfigureAwait(false);
            throw;
        }

        if (!EtcdJson.Bool(txn, "succeeded"))
        {
            // Another writer swapped the head since we read it: refuse, and drop our chunks.
            await TryDeleteAsync(genPrefix).ConfigureAwait(false);
            var now = EtcdJson.TxnResponse(txn, 0, "response_range") is { } rr ? EtcdJson.Kvs(rr).FirstOrDefault() : null;
            return StateWriteResult.Stale(now is null ? null : EtcdStateHead.TryParse(now.Value)?.Version ?? StoredState.Unreadable);
        }
        _lastHead = head;
        await CollectGarbageAsync(generation, currentHead?.Generation, EtcdJson.HeaderRevision(txn), ct).ConfigureAwait(false);
        return StateWriteResult.Success(state.Version);
    }

    /// <summary>
    /// Deletes the generations other than the current and the previous one that were built on a head older than the
    /// current one (<paramref name="headRevision"/>): older versions, and chunks of stale or crashed writers.
    /// </summary>
    private async Task CollectGarbageAsync(string current, string? previous, long headRevision, CancellationToken ct)
    {
        try
        {
            var prefix = EtcdKeys.Bytes(Keys.ChunksPrefix(Workspace));
            var r = await Client.RangeAsync(prefix, EtcdKeys.RangeEnd(prefix), ct, keysOnly: true).ConfigureAwait(false);
            var generations = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var kv in EtcdJson.Kvs(r))
            {
                var rest = Encoding.UTF8.GetString(kv.Key)[Keys.ChunksPrefix(Workspace).Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0)
                    generations.Add(rest[..slash]);
            }
            foreach (var g in generations)
            {
                if (g == current || g == previous)
                    continue;
                var dash = g.IndexOf('-', StringComparison.Ordinal);
                if (dash <= 0 || !long.TryParse(g.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var built) || built >= headRevision)
                    continue;
                var gp = EtcdKeys.Bytes(Keys.GenerationPrefix(Workspace, g));
                await Client.DeleteRangeAsync(gp, EtcdKeys.RangeEnd(gp), ct).ConfigureAwait(false);
            }
        }
        catch (StateBackendException)
        {
            // Garbage only: the next successful write collects it.
        }
    }

    private async Task TryDeleteAsync(byte[] prefix)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Client.DeleteRangeAsync(prefix, EtcdKeys.RangeEnd(prefix), cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StateBackendException or OperationCanceledException)
        {
            // Orphans of a refused write are collected by the next successful one.
        }
    }

    public Task<LockResult> LockAsync(LockRequest request, TimeSpan timeout, CancellationToken ct) =>
        EtcdLock.AcquireAsync(backend, Keys.Lock(Workspace), Location, request, timeout, ct);

    public Task<string?> ForceUnlockAsync(string id, CancellationToken ct) => EtcdLock.ForceUnlockAsync(backend, Keys.Lock(Workspace), Location, id, ct);
}
