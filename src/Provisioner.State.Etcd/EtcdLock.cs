using System.Text.Json;
using Provisioner.State.Backends;
using Provisioner.State.Locking;

namespace Provisioner.State.Etcd;

/// <summary>
/// A workspace lock held in etcd: a key attached to a lease, created only if absent (a transaction comparing its
/// <c>create_revision</c> with 0), whose value is the <see cref="LockInfo"/> JSON. A background loop renews the lease
/// every third of its time-to-live; when the holder dies the lease expires and the key vanishes by itself. When the
/// lease cannot be renewed in time, or the key is gone (force-unlocked), <see cref="Lost"/> is cancelled.
/// </summary>
internal sealed class EtcdLock : IStateLock
{
    private readonly EtcdBackend _backend;
    private readonly byte[] _key;
    private readonly long _leaseId;
    private readonly TimeSpan _ttl;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _keepAlive;
    private int _ended;

    private EtcdLock(EtcdBackend backend, byte[] key, long leaseId, TimeSpan ttl, LockInfo info)
    {
        _backend = backend;
        _key = key;
        _leaseId = leaseId;
        _ttl = ttl;
        Info = info;
        Lost = _lost.Token;
        _keepAlive = Task.Run(KeepAliveAsync);
    }

    public LockInfo Info { get; }

    public CancellationToken Lost { get; }

    /// <summary>The lease the lock key is attached to.</summary>
    internal long LeaseId => _leaseId;

    public static async Task<LockResult> AcquireAsync(EtcdBackend backend, string lockKey, string location, LockRequest request, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var time = backend.Time;
        var deadline = timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(3650)
            ? DateTimeOffset.MaxValue // Timeout.InfiniteTimeSpan: wait for as long as it takes
            : time.GetUtcNow() + timeout;
        var key = EtcdKeys.Bytes(lockKey);
        var client = backend.Client;
        while (true)
        {
            var (lease, ttl) = await client.LeaseGrantAsync(backend.LeaseTtlSeconds, ct).ConfigureAwait(false);
            var info = new LockInfo(Guid.NewGuid().ToString(), request.Operation, request.Who, request.Version, time.GetUtcNow(), location, request.Pid);
            var value = JsonSerializer.SerializeToUtf8Bytes(info, EtcdJsonContext.Default.LockInfo);
            JsonElement txn;
            try
            {
                txn = await client.TxnAsync(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("compare");
                    w.WriteStartObject();
                    w.WriteBase64String("key", key);
                    w.WriteString("result", "EQUAL");
                    w.WriteString("target", "CREATE");
                    w.WriteString("create_revision", "0");
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteStartArray("success");
                    EtcdTxnOps.Put(w, key, value, lease);
                    w.WriteEndArray();
                    w.WriteStartArray("failure");
                    EtcdTxnOps.Get(w, key);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StateBackendException or OperationCanceledException)
            {
                await TryRevokeAsync(client, lease).ConfigureAwait(false);
                throw;
            }
            if (EtcdJson.Bool(txn, "succeeded"))
                return new LockResult(new EtcdLock(backend, key, lease, TimeSpan.FromSeconds(Math.Max(ttl, 1)), info), null);
            await TryRevokeAsync(client, lease).ConfigureAwait(false);
            var held = EtcdJson.TxnResponse(txn, 0, "response_range") is { } rr ? EtcdJson.Kvs(rr).FirstOrDefault() : null;
            var holder = held is null ? null : ParseInfo(held.Value);
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return new LockResult(null, holder);
            var pause = TimeSpan.FromMilliseconds(100 + Random.Shared.Next(150));
            await Task.Delay(pause < left ? pause : left, time, ct).ConfigureAwait(false);
        }
    }

    public static async Task<string?> ForceUnlockAsync(EtcdBackend backend, string lockKey, string location, string id, CancellationToken ct)
    {
        var key = EtcdKeys.Bytes(lockKey);
        var client = backend.Client;
        var kv = EtcdJson.Kvs(await client.RangeAsync(key, null, ct).ConfigureAwait(false)).FirstOrDefault();
        if (kv is null)
            return $"No lock is held on {location}.";
        var info = ParseInfo(kv.Value);
        if (info is null || info.Id != id)
            return $"The lock on {location} has ID {info?.Id ?? "(unreadable)"}, not {id}.";
        // Delete the key only if it is still that lock, then end its lease (its holder sees the lock lost).
        var txn = await client.TxnAsync(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("compare");
            w.WriteStartObject();
            w.WriteBase64String("key", key);
            w.WriteString("result", "EQUAL");
            w.WriteString("target", "MOD");
            w.WriteString("mod_revision", kv.ModRevision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("success");
            w.WriteStartObject();
            w.WriteStartObject("request_delete_range");
            w.WriteBase64String("key", key);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, ct).ConfigureAwait(false);
        if (!EtcdJson.Bool(txn, "succeeded"))
            return $"The lock on {location} changed meanwhile; run the command again.";
        if (kv.Lease != 0)
            await client.LeaseRevokeAsync(kv.Lease, ct).ConfigureAwait(false);
        return null;
    }

    private static LockInfo? ParseInfo(byte[] value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, EtcdJsonContext.Default.LockInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task KeepAliveAsync()
    {
        var time = _backend.Time;
        var renewed = time.GetUtcNow();
        var every = _ttl / 3;
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(every, time, token).ConfigureAwait(false);
                try
                {
                    var left = await _backend.Client.LeaseKeepAliveAsync(_leaseId, token).ConfigureAwait(false);
                    if (left <= 0)
                        break; // the lease is gone (revoked by force-unlock, or expired)
                    var kv = EtcdJson.Kvs(await _backend.Client.RangeAsync(_key, null, token).ConfigureAwait(false)).FirstOrDefault();
                    if (kv is null || kv.Lease != _leaseId)
                        break; // the key was deleted or replaced
                    renewed = time.GetUtcNow();
                }
                catch (ObjectDisposedException)
                {
                    break; // the backend was disposed under a held lock
                }
                catch (StateBackendException)
                {
                    if (time.GetUtcNow() - renewed >= _ttl)
                        break; // etcd unreachable for the whole time-to-live: the lease has expired there
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return; // released or abandoned
        }
        if (!token.IsCancellationRequested)
            await _lost.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Stands in for a killed holder in tests: renewals stop, the lease is not revoked (it expires).</summary>
    internal async Task AbandonAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _keepAlive.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _keepAlive.ConfigureAwait(false);
        await TryRevokeAsync(_backend.Client, _leaseId).ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private static async Task TryRevokeAsync(EtcdClient client, long lease)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await client.LeaseRevokeAsync(lease, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StateBackendException or OperationCanceledException or ObjectDisposedException)
        {
            // The lease expires by itself after its time-to-live.
        }
    }
}
