using System.Diagnostics;
using System.Text;
using Provisioner.State.Backends;
using Provisioner.State.Etcd;
using Xunit.Abstractions;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>What is particular to the etcd backend: chunking, torn-free reads, stale swaps, leases, keys, endpoints.</summary>
[Collection(EtcdCollection.Name)]
public sealed class EtcdBackendTests(EtcdFixture etcd, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly EtcdBackend _backend = etcd.CreateBackend(leaseTtl: 2);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private static StoredState Big(string lineage, long serial, int size, byte fill)
    {
        var bytes = new byte[size];
        // Not uniform: a chunk put in the wrong place would show.
        for (var i = 0; i < size; i++)
            bytes[i] = (byte)(fill + (i / 1000 % 7));
        return new StoredState(new StateVersion(lineage, serial), bytes);
    }

    private async Task<SortedSet<string>> GenerationsAsync(string workspace)
    {
        var prefix = Encoding.UTF8.GetBytes(_backend.Keys.ChunksPrefix(workspace));
        var r = await _backend.Client.RangeAsync(prefix, EtcdKeys.RangeEnd(prefix), Ct, keysOnly: true);
        return new SortedSet<string>(EtcdJson.Kvs(r).Select(kv => Encoding.UTF8.GetString(kv.Key)[prefix.Length..].Split('/')[0]), StringComparer.Ordinal);
    }

    private async Task<long> CountAsync(string keyPrefix)
    {
        var prefix = Encoding.UTF8.GetBytes(keyPrefix);
        return EtcdJson.Int64(await _backend.Client.RangeAsync(prefix, EtcdKeys.RangeEnd(prefix), Ct, countOnly: true), "count");
    }

    [Fact]
    public async Task AStateOfSeveralMegabytesIsStoredInChunksAndReadBackExactly()
    {
        var ws = _backend.Workspace(Workspaces.Default);
        var state = Big("L", 1, (3 * 1024 * 1024) + 12345, 1);
        Assert.True((await ws.WriteAsync(state, null, Ct)).Written);
        Assert.Equal(7, await CountAsync(_backend.Keys.ChunksPrefix(Workspaces.Default)));
        var read = await _backend.Workspace(Workspaces.Default).ReadAsync(Ct);
        Assert.NotNull(read);
        Assert.Equal(state.Version, read.Version);
        Assert.True(state.Bytes.Span.SequenceEqual(read.Bytes.Span));
    }

    [Fact]
    public async Task AReaderPausedBetweenHeadAndChunksStillSeesTheStateItsHeadNamed()
    {
        var ws = (EtcdStateStorage)_backend.Workspace(Workspaces.Default);
        var a = Big("L", 1, 1_500_000, 10);
        await ws.WriteAsync(a, null, Ct);
        var read = await ws.ReadPausingAsync(async () =>
        {
            // Two writes meanwhile: A's generation becomes older than the previous one and is deleted.
            var other = _backend.Workspace(Workspaces.Default);
            Assert.True((await other.WriteAsync(Big("L", 2, 1_200_000, 20), new StateVersion("L", 1), Ct)).Written);
            Assert.True((await other.WriteAsync(Big("L", 3, 1_700_000, 30), new StateVersion("L", 2), Ct)).Written);
        }, Ct);
        Assert.NotNull(read);
        Assert.Equal(a.Version, read.Version);
        Assert.True(a.Bytes.Span.SequenceEqual(read.Bytes.Span), "the reader saw a mix of generations");
        Assert.Equal(2, (await GenerationsAsync(Workspaces.Default)).Count);
    }

    [Fact]
    public async Task ConcurrentReadersNeverSeeATornState()
    {
        await _backend.Workspace(Workspaces.Default).WriteAsync(Big("T", 1, 1_100_000, 0), null, Ct);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var ws = _backend.Workspace(Workspaces.Default);
            for (var serial = 2; serial <= 12; serial++)
                Assert.True((await ws.WriteAsync(Big("T", serial, 1_000_000 + (serial * 50_000), (byte)(serial * 10)), new StateVersion("T", serial - 1), Ct)).Written);
            await stop.CancelAsync();
        });
        var reads = 0;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var s = (await _backend.Workspace(Workspaces.Default).ReadAsync(Ct))!;
                var expected = Big("T", s.Version.Serial, s.Version.Serial == 1 ? 1_100_000 : 1_000_000 + ((int)s.Version.Serial * 50_000),
                    (byte)(s.Version.Serial == 1 ? 0 : s.Version.Serial * 10));
                Assert.True(expected.Bytes.Span.SequenceEqual(s.Bytes.Span), $"torn read at serial {s.Version.Serial}");
                Interlocked.Increment(ref reads);
            }
        })));
        await writer;
        Assert.True(reads > 3);
    }

    [Fact]
    public async Task AWriterOvertakenBeforeItsSwapIsRefusedAndItsChunksDeleted()
    {
        var ws = (EtcdStateStorage)_backend.Workspace(Workspaces.Default);
        await ws.WriteAsync(Big("S", 1, 600_000, 1), null, Ct);
        ws.BeforeSwap = async () =>
        {
            ws.BeforeSwap = null;
            Assert.True((await _backend.Workspace(Workspaces.Default).WriteAsync(Big("S", 2, 700_000, 2), new StateVersion("S", 1), Ct)).Written);
        };
        var r = await ws.WriteAsync(Big("S", 2, 900_000, 3), new StateVersion("S", 1), Ct);
        Assert.False(r.Written);
        Assert.Equal(new StateVersion("S", 2), r.Current);
        // Left: serial 2 (the winner) and serial 1 (its previous); the loser's two chunks are gone.
        Assert.Equal(2, (await GenerationsAsync(Workspaces.Default)).Count);
        Assert.Equal(4, await CountAsync(_backend.Keys.ChunksPrefix(Workspaces.Default)));
        var read = (await _backend.Workspace(Workspaces.Default).ReadAsync(Ct))!;
        Assert.True(Big("S", 2, 700_000, 2).Bytes.Span.SequenceEqual(read.Bytes.Span));
    }

    [Fact]
    public async Task OnlyTheCurrentAndPreviousGenerationsAreKeptAndCrashedWritersChunksAreCollected()
    {
        // A writer that crashed after writing its chunks (built on no head).
        await _backend.Client.PutAsync(Encoding.UTF8.GetBytes(_backend.Keys.Chunk("ws1", "00000000000000000000-dead", 0)), new byte[] { 1, 2, 3 }, Ct);
        var ws = _backend.Workspace("ws1");
        Assert.True((await ws.WriteAsync(Big("G", 1, 10, 1), null, Ct)).Written);
        for (var serial = 2; serial <= 5; serial++)
            Assert.True((await ws.WriteAsync(Big("G", serial, 10, 1), new StateVersion("G", serial - 1), Ct)).Written);
        var gens = await GenerationsAsync("ws1");
        Assert.Equal(2, gens.Count);
        Assert.DoesNotContain("00000000000000000000-dead", gens);
        Assert.Contains("serial 4", ws.PreviousVersionHint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAWorkspaceRemovesEveryOneOfItsKeys()
    {
        var ws = _backend.Workspace("gone");
        await ws.WriteAsync(Big("D", 1, 600_000, 1), null, Ct);
        await ws.WriteAsync(Big("D", 2, 600_000, 1), new StateVersion("D", 1), Ct);
        using (var j = ws.Journal.OpenAppender())
            j.Flush(j.Write("{}"u8));
        var held = await ws.LockAsync(new LockRequest("apply", "t@h", "0", 1), TimeSpan.Zero, Ct);
        await _backend.Workspace("kept").WriteAsync(Big("K", 1, 10, 1), null, Ct);
        await _backend.DeleteWorkspaceAsync("gone", Ct);
        await held.Lock!.DisposeAsync();
        Assert.Equal(0, await CountAsync(_backend.Prefix + "state/gone"));
        Assert.Equal(0, await CountAsync(_backend.Keys.ChunksPrefix("gone")));
        Assert.Equal(0, await CountAsync(_backend.Keys.JournalPrefix("gone")));
        Assert.Equal(0, await CountAsync(_backend.Keys.Lock("gone")));
        Assert.Equal(["default", "kept"], await _backend.ListWorkspacesAsync(Ct));
    }

    [Fact]
    public async Task KeepalivesHoldALockLongerThanItsTimeToLive()
    {
        var ws = _backend.Workspace(Workspaces.Default);
        var held = await ws.LockAsync(new LockRequest("apply", "a@h", "0", 1), TimeSpan.Zero, Ct);
        Assert.True(held.Taken);
        await using (held.Lock!)
        {
            await Task.Delay(TimeSpan.FromSeconds(_backend.LeaseTtlSeconds * 3));
            var other = await _backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("plan", "b@h", "0", 2), TimeSpan.Zero, Ct);
            Assert.False(other.Taken);
            Assert.Equal(held.Lock!.Info.Id, other.Holder!.Id);
            Assert.False(held.Lock.Lost.IsCancellationRequested);
        }
        var after = await ws.LockAsync(new LockRequest("plan", "b@h", "0", 2), TimeSpan.Zero, Ct);
        Assert.True(after.Taken);
        await after.Lock!.DisposeAsync();
    }

    [Fact]
    public async Task AHolderWhoseLeaseWasRevokedSeesTheLockLost()
    {
        var held = await _backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("apply", "a@h", "0", 1), TimeSpan.Zero, Ct);
        await using var _ = held.Lock!;
        await _backend.Client.LeaseRevokeAsync(((EtcdLock)held.Lock!).LeaseId, Ct);
        await WaitLostAsync(held.Lock!);
    }

    [Fact]
    public async Task AHolderWhoseKeyWasDeletedOrForceUnlockedSeesTheLockLost()
    {
        var ws = _backend.Workspace(Workspaces.Default);
        var held = await ws.LockAsync(new LockRequest("apply", "a@h", "0", 1), TimeSpan.Zero, Ct);
        await using (held.Lock!)
        {
            Assert.Null(await _backend.Workspace(Workspaces.Default).ForceUnlockAsync(held.Lock!.Info.Id, Ct));
            await WaitLostAsync(held.Lock!);
        }
        var again = await ws.LockAsync(new LockRequest("apply", "a@h", "0", 1), TimeSpan.Zero, Ct);
        await using (again.Lock!)
        {
            // The key alone deleted (its lease still alive): the holder notices too.
            await _backend.Client.DeleteRangeAsync(Encoding.UTF8.GetBytes(_backend.Keys.Lock(Workspaces.Default)), null, Ct);
            await WaitLostAsync(again.Lock!);
        }
    }

    [Fact]
    public async Task AnInfiniteTimeoutWaitsUntilTheLockIsReleased()
    {
        var held = await _backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("apply", "a@h", "0", 1), TimeSpan.Zero, Ct);
        var waiter = _backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("plan", "b@h", "0", 2), Timeout.InfiniteTimeSpan, Ct);
        await Task.Delay(500);
        Assert.False(waiter.IsCompleted);
        await held.Lock!.DisposeAsync();
        var next = await waiter;
        Assert.True(next.Taken);
        await next.Lock!.DisposeAsync();
    }

    private async Task WaitLostAsync(IStateLock held)
    {
        var within = TimeSpan.FromSeconds(_backend.LeaseTtlSeconds + 2);
        var lost = new TaskCompletionSource();
        using var reg = held.Lost.Register(() => lost.TrySetResult());
        Assert.Same(lost.Task, await Task.WhenAny(lost.Task, Task.Delay(within)));
    }

    [Fact]
    public async Task TheLockInfoIsStoredAsJsonWithTheLocation()
    {
        var ws = _backend.Workspace("info");
        var held = await ws.LockAsync(new LockRequest("apply", "a@h", "1.2.3", 77), TimeSpan.Zero, Ct);
        await using var _ = held.Lock!;
        var kv = EtcdJson.Kvs(await _backend.Client.RangeAsync(Encoding.UTF8.GetBytes(_backend.Keys.Lock("info")), null, Ct)).Single();
        using var doc = System.Text.Json.JsonDocument.Parse(kv.Value);
        Assert.Equal(held.Lock!.Info.Id, doc.RootElement.GetProperty("ID").GetString());
        Assert.Equal(77, doc.RootElement.GetProperty("Pid").GetInt32());
        Assert.Equal(ws.Location, doc.RootElement.GetProperty("Path").GetString());
        Assert.Contains(_backend.Keys.Head("info"), ws.Location, StringComparison.Ordinal);
        Assert.NotEqual(0, kv.Lease);
    }

    [Fact]
    public async Task AJournalOfManyRecordsIsReadInOrderAcrossPagesAndAppendersContinueItsNumbering()
    {
        var journal = _backend.Workspace(Workspaces.Default).Journal;
        var expected = new StringBuilder();
        using (var a = journal.OpenAppender())
        {
            long last = 0;
            for (var i = 0; i < 2500; i++)
            {
                var rec = $"{{\"n\":{i}}}";
                last = a.Write(Encoding.UTF8.GetBytes(rec));
                expected.Append(rec).Append('\n');
                // The first 1,200 flushed one by one (a key each: more than a page of 1,000 keys), the rest in flushes of 100.
                if (i < 1200 || i % 100 == 99)
                    a.Flush(last);
            }
            a.Flush(last);
        }
        using (var b = _backend.Workspace(Workspaces.Default).Journal.OpenAppender())
        {
            var p = b.Write("{\"n\":\"after\"}"u8);
            Assert.Equal(2501, p);
            b.Flush(p);
            expected.Append("{\"n\":\"after\"}\n");
        }
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString((await journal.ReadAsync(Ct)).Span));
        // One key per flush: 1,200 single records, 13 flushes of 100, and the second appender's record.
        Assert.Equal(1200 + 13 + 1, await CountAsync(_backend.Keys.JournalPrefix(Workspaces.Default)));
    }

    [Fact]
    public async Task ConcurrentWritersShareAKeyPerFlushAndAFlushOverTheValueLimitIsSplit()
    {
        var journal = _backend.Workspace("batched").Journal;
        var expected = new List<string>();
        using (var a = journal.OpenAppender())
        {
            // 40 records of 100 KB queued before one flush: 4 MB, more than one key (768 KiB) and one request can hold.
            var big = new string('x', 100_000);
            long last = 0;
            for (var i = 0; i < 40; i++)
            {
                var rec = $"{{\"n\":{i},\"pad\":\"{big}\"}}";
                last = a.Write(Encoding.UTF8.GetBytes(rec));
                expected.Add(rec);
            }
            a.Flush(last);
            Assert.InRange(await CountAsync(_backend.Keys.JournalPrefix("batched")), 6, 8);

            // 8 threads appending and flushing at once: group commit puts fewer keys than records.
            var records = new System.Collections.Concurrent.ConcurrentBag<(long Seq, string Rec)>();
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                for (var i = 0; i < 50; i++)
                {
                    var rec = $"{{\"t\":{t},\"i\":{i}}}";
                    var seq = a.Write(Encoding.UTF8.GetBytes(rec));
                    records.Add((seq, rec));
                    a.Flush(seq);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            expected.AddRange(records.OrderBy(r => r.Seq).Select(r => r.Rec));
        }
        var read = Encoding.UTF8.GetString((await journal.ReadAsync(Ct)).Span);
        Assert.Equal(string.Concat(expected.Select(r => r + "\n")), read);
        var keys = await CountAsync(_backend.Keys.JournalPrefix("batched"));
        output.WriteLine($"440 records in {keys} keys");
        Assert.True(keys < 440, $"{keys} keys for 440 records");
        using var c = _backend.Workspace("batched").Journal.OpenAppender();
        Assert.Equal(441, c.Write("{}"u8));
    }

    [Fact]
    public async Task JournalAppendLatencyIsMeasured()
    {
        using var a = _backend.Workspace("latency").Journal.OpenAppender();
        var record = Encoding.UTF8.GetBytes("{\"op\":\"intent\",\"address\":\"sim_machine.m[123]\",\"token\":\"0123456789abcdef0123456789abcdef\"}");
        a.Flush(a.Write(record)); // warm the connection
        const int n = 200;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
            a.Flush(a.Write(record));
        sw.Stop();
        output.WriteLine($"etcd journal: {n} appends, each flushed: {sw.Elapsed.TotalMilliseconds / n:0.00} ms per durable append");
        Assert.Equal(n + 1, await CountAsync(_backend.Keys.JournalPrefix("latency")));
    }

    [Fact]
    public async Task AHundredThousandResourceStateWriteAndReadAreMeasured()
    {
        var state = BigStates.SimMachines("big-lineage", 100_000);
        var store = new StateStore(_backend.Workspace(Workspaces.Default));
        await store.WriteAsync(state, null, Ct); // warm-up (JIT, connections)
        state.Serial = 2;
        var sw = Stopwatch.StartNew();
        Assert.True((await store.WriteAsync(state, new StateVersion("big-lineage", 1), Ct)).Written);
        var write = sw.Elapsed;
        sw.Restart();
        var (read, _) = await new StateStore(_backend.Workspace(Workspaces.Default)).ReadAsync(Ct);
        var readTime = sw.Elapsed;
        Assert.True(read.IsSuccess, read.Error);
        sw.Restart();
        var stored = (await _backend.Workspace(Workspaces.Default).ReadAsync(Ct))!;
        var rawRead = sw.Elapsed;
        var size = stored.Bytes.Length;
        sw.Restart();
        Assert.True((await _backend.Workspace(Workspaces.Default).WriteAsync(stored with { Version = new StateVersion("big-lineage", 3) }, new StateVersion("big-lineage", 2), Ct)).Written);
        var rawWrite = sw.Elapsed;
        output.WriteLine($"etcd 100,000-resource state ({size / 1048576.0:0.0} MiB, {await CountAsync(_backend.Keys.ChunksPrefix(Workspaces.Default)) / 2} chunks): write {write.TotalMilliseconds:0} ms, read+decode {readTime.TotalMilliseconds:0} ms; bytes only (no JSON encoding): write {rawWrite.TotalMilliseconds:0} ms, read {rawRead.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task AnUnreachableEndpointIsSkippedForTheNextOne()
    {
        var dead = "http://127.0.0.1:1";
        await using var backend = etcd.CreateBackend(endpoints: [dead, etcd.Endpoint]);
        await backend.Workspace(Workspaces.Default).WriteAsync(Big("E", 1, 10, 1), null, Ct);
        Assert.Equal(new StateVersion("E", 1), (await backend.Workspace(Workspaces.Default).ReadAsync(Ct))!.Version);
    }

    [Fact]
    public async Task NoReachableEndpointIsAClearBackendError()
    {
        await using var backend = etcd.CreateBackend(endpoints: ["http://127.0.0.1:1", "127.0.0.1:2"]);
        var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.Workspace(Workspaces.Default).ReadAsync(Ct));
        Assert.Contains("Cannot reach etcd at http://127.0.0.1:1, http://127.0.0.1:2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<StateBackendException>(() => backend.Workspace(Workspaces.Default).Journal.OpenAppender());
    }
}
