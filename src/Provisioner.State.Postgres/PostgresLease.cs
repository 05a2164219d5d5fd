using Npgsql;
using Provisioner.State.Backends;
using Provisioner.State.Locking;

namespace Provisioner.State.Postgres;

/// <summary>
/// A held lock: a row of <c>provisioner_locks</c> whose <c>expires_at</c> (the server's clock) a heartbeat pushes
/// forward every third of the lease's time-to-live, only while the row still carries this lock's ID. When the row is
/// gone or taken (force-unlock, or expiry and takeover), or renewals keep failing until the lease would have run out,
/// <see cref="Lost"/> is cancelled. Disposing stops the heartbeat and deletes the row.
/// </summary>
internal sealed class PostgresLease : IStateLock
{
    private readonly PostgresBackend _backend;
    private readonly string _workspace;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeat;
    private int _ended;

    private PostgresLease(PostgresBackend backend, string workspace, LockInfo info)
    {
        _backend = backend;
        _workspace = workspace;
        Info = info;
        _heartbeat = Task.Run(HeartbeatAsync);
    }

    public static PostgresLease Start(PostgresBackend backend, string workspace, LockInfo info) => new(backend, workspace, info);

    public LockInfo Info { get; }

    public CancellationToken Lost => _lost.Token;

    /// <summary>How many renewals succeeded (for tests).</summary>
    internal int Renewals { get; private set; }

    private async Task HeartbeatAsync()
    {
        var time = _backend.Time;
        var ttl = _backend.LeaseTtl;
        var interval = ttl / 3;
        // The lease was set to now()+ttl by the statement that took it, which finished before this started.
        var renewedAt = time.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var attemptAt = time.GetTimestamp();
            bool? kept;
            try
            {
                kept = await RenewAsync(interval).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StateBackendException or ObjectDisposedException or OperationCanceledException || PostgresErrors.IsBackendFailure(ex))
            {
                kept = null; // could not reach the server: try again until the lease would have run out
            }
            if (kept == true)
            {
                renewedAt = attemptAt;
                Renewals++;
            }
            else if (kept == false || time.GetElapsedTime(renewedAt) >= ttl)
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>Pushes the lease forward: true when renewed, false when the row is gone or carries another ID.</summary>
    private async Task<bool> RenewAsync(TimeSpan timeout)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        attempt.CancelAfter(timeout);
        return await _backend.RunAsync($"renewing the lock of workspace \"{_workspace}\"", async conn =>
        {
            await using var cmd = new NpgsqlCommand(_backend.Sql.LockRenew, conn)
            {
                Parameters = { new() { Value = _workspace }, new() { Value = Info.Id }, new() { Value = _backend.LeaseTtl.TotalSeconds } },
            };
            return await cmd.ExecuteNonQueryAsync(attempt.Token).ConfigureAwait(false) == 1;
        }, attempt.Token).ConfigureAwait(false);
    }

    /// <summary>Stands in for a holder killed with SIGKILL in tests: the heartbeat stops and the row stays.</summary>
    internal async Task AbandonAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
            return;
        await StopHeartbeatAsync().ConfigureAwait(false);
    }

    private async Task StopHeartbeatAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
    }

    /// <summary>
    /// Releases the lock: stops the heartbeat and deletes the row if it still carries this lock's ID. When the server
    /// cannot be reached the row stays and frees itself when its lease runs out.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
            return;
        await StopHeartbeatAsync().ConfigureAwait(false);
        try
        {
            await _backend.RunAsync($"unlocking workspace \"{_workspace}\"", async conn =>
            {
                await using var cmd = new NpgsqlCommand(_backend.Sql.LockRelease, conn)
                {
                    Parameters = { new() { Value = _workspace }, new() { Value = Info.Id } },
                };
                return await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StateBackendException)
        {
            // The lease expires by itself after its time-to-live.
        }
    }
}
