using System.Text;
using Provisioner.State.Backends;

namespace Provisioner.State.Tests.Backends;

/// <summary>
/// The conformance suite every state backend passes (issue 4): round trip, lineage and serial rules, stale-writer
/// refusal, lock exclusion and info, a dead holder's lock freed (lease expiry), force-unlock, journals, workspaces,
/// a 100,000-resource state, and concurrent writers. A backend's test class derives from it and says how to create a
/// fresh, isolated backend and how to stand in for a killed lock holder.
/// </summary>
public abstract class StateBackendConformance : IAsyncLifetime
{
    private IStateBackend? _backend;

    /// <summary>The backend under test (fresh and empty for each test).</summary>
    protected IStateBackend Backend => _backend ?? throw new InvalidOperationException("not initialised");

    /// <summary>Creates a fresh backend whose workspaces are empty and isolated from other tests.</summary>
    protected abstract Task<IStateBackend> CreateBackendAsync();

    /// <summary>
    /// Stands in for a holder killed with SIGKILL: the lock is neither released nor renewed any more (for a local
    /// lock, the OS lock goes and the info file stays; for a lease, keepalives stop).
    /// </summary>
    protected abstract Task AbandonAsync(IStateLock held);

    /// <summary>How long a dead holder's lock may survive it (a lease's time-to-live; zero for OS locks).</summary>
    protected abstract TimeSpan DeadHolderGrace { get; }

    /// <summary>Whether force-unlock breaks a lock whose holder is alive (remote leases: yes; local OS locks: no).</summary>
    protected abstract bool ForceUnlockBreaksLiveLocks { get; }

    public async Task InitializeAsync() => _backend = await CreateBackendAsync();

    public async Task DisposeAsync()
    {
        if (_backend is not null)
            await _backend.DisposeAsync();
    }

    private static readonly CancellationToken Ct = CancellationToken.None;

    protected static StoredState Blob(string lineage, long serial, string text = "") =>
        new(new StateVersion(lineage, serial), Encoding.UTF8.GetBytes($"{{\"lineage\":\"{lineage}\",\"serial\":{serial},\"text\":\"{text}\"}}"));

    private static LockRequest Request(string operation = "apply") => new(operation, "tester@conformance", "0.0.0-test", 4242);

    [Fact]
    public async Task AnEmptyWorkspaceHoldsNoState()
    {
        Assert.Null(await Backend.Workspace(Workspaces.Default).ReadAsync(Ct));
        Assert.False(await Backend.Workspace(Workspaces.Default).Journal.ExistsAsync(Ct));
    }

    [Fact]
    public async Task WhatIsWrittenIsReadBackExactly()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        var blob = Blob("L1", 1, "hello");
        Assert.True((await ws.WriteAsync(blob, null, Ct)).Written);
        var read = await Backend.Workspace(Workspaces.Default).ReadAsync(Ct);
        Assert.NotNull(read);
        Assert.Equal(blob.Version, read.Version);
        Assert.Equal(blob.Bytes.ToArray(), read.Bytes.ToArray());
    }

    [Fact]
    public async Task EachWriteMustNameTheStateItReplaces()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        Assert.True((await ws.WriteAsync(Blob("L1", 1), null, Ct)).Written);
        Assert.True((await ws.WriteAsync(Blob("L1", 2), new StateVersion("L1", 1), Ct)).Written);
        Assert.True((await ws.WriteAsync(Blob("L1", 3), new StateVersion("L1", 2), Ct)).Written);
        Assert.Equal(new StateVersion("L1", 3), (await ws.ReadAsync(Ct))!.Version);
    }

    [Fact]
    public async Task AStaleWriterIsRefusedAndToldWhatIsStored()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        await ws.WriteAsync(Blob("L1", 1), null, Ct);
        // Two writers read serial 1; the first one wins, the second is refused.
        Assert.True((await ws.WriteAsync(Blob("L1", 2, "first"), new StateVersion("L1", 1), Ct)).Written);
        var second = await ws.WriteAsync(Blob("L1", 2, "second"), new StateVersion("L1", 1), Ct);
        Assert.False(second.Written);
        Assert.Equal(new StateVersion("L1", 2), second.Current);
        Assert.Contains("first", Encoding.UTF8.GetString((await ws.ReadAsync(Ct))!.Bytes.Span));
    }

    [Fact]
    public async Task AWriterExpectingNoStateIsRefusedWhenOneExists()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        await ws.WriteAsync(Blob("L1", 1), null, Ct);
        var r = await ws.WriteAsync(Blob("L2", 1), null, Ct);
        Assert.False(r.Written);
        Assert.Equal(new StateVersion("L1", 1), r.Current);
    }

    [Fact]
    public async Task AWriterOfAnotherLineageIsRefused()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        await ws.WriteAsync(Blob("L1", 5), null, Ct);
        var r = await ws.WriteAsync(Blob("L2", 6), new StateVersion("L2", 5), Ct);
        Assert.False(r.Written);
        Assert.Equal(new StateVersion("L1", 5), r.Current);
        Assert.Equal(new StateVersion("L1", 5), (await ws.ReadAsync(Ct))!.Version);
    }

    [Fact]
    public async Task TheLockExcludesOthersAndNamesItsHolder()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        var first = await ws.LockAsync(Request("apply"), TimeSpan.Zero, Ct);
        Assert.True(first.Taken);
        await using (first.Lock!)
        {
            Assert.False(string.IsNullOrEmpty(first.Lock!.Info.Id));
            Assert.Equal("apply", first.Lock.Info.Operation);
            var second = await Backend.Workspace(Workspaces.Default).LockAsync(Request("plan"), TimeSpan.Zero, Ct);
            Assert.False(second.Taken);
            Assert.NotNull(second.Holder);
            Assert.Equal(first.Lock.Info.Id, second.Holder.Id);
            Assert.Equal("apply", second.Holder.Operation);
            Assert.Equal("tester@conformance", second.Holder.Who);
            Assert.Equal("0.0.0-test", second.Holder.Version);
            Assert.Equal(4242, second.Holder.Pid);
            Assert.True(Math.Abs((DateTimeOffset.UtcNow - second.Holder.Created).TotalMinutes) < 5);
        }
        var third = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
        Assert.True(third.Taken);
        await third.Lock!.DisposeAsync();
    }

    [Fact]
    public async Task LocksOfDifferentWorkspacesAreIndependent()
    {
        var a = await Backend.Workspace(Workspaces.Default).LockAsync(Request(), TimeSpan.Zero, Ct);
        var b = await Backend.Workspace("staging").LockAsync(Request(), TimeSpan.Zero, Ct);
        Assert.True(a.Taken);
        Assert.True(b.Taken);
        await a.Lock!.DisposeAsync();
        await b.Lock!.DisposeAsync();
    }

    [Fact]
    public async Task AWaiterGetsTheLockWhenItIsReleased()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        var first = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
        Assert.True(first.Taken);
        var waiter = ws.LockAsync(Request("plan"), TimeSpan.FromSeconds(30), Ct);
        await Task.Delay(300);
        Assert.False(waiter.IsCompleted);
        await first.Lock!.DisposeAsync();
        var second = await waiter;
        Assert.True(second.Taken);
        await second.Lock!.DisposeAsync();
    }

    [Fact]
    public async Task ADeadHoldersLockFreesItself()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        var held = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
        Assert.True(held.Taken);
        await AbandonAsync(held.Lock!);
        var started = DateTimeOffset.UtcNow;
        var next = await Backend.Workspace(Workspaces.Default).LockAsync(Request("plan"), DeadHolderGrace + TimeSpan.FromSeconds(10), Ct);
        Assert.True(next.Taken, "the lock of a dead holder was not freed");
        Assert.True(DateTimeOffset.UtcNow - started <= DeadHolderGrace + TimeSpan.FromSeconds(5),
            $"took {DateTimeOffset.UtcNow - started}, more than the lease time-to-live {DeadHolderGrace}");
        await next.Lock!.DisposeAsync();
    }

    [Fact]
    public async Task ForceUnlockNeedsTheRightIdAndFreesADeadHoldersLock()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        var held = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
        var id = held.Lock!.Info.Id;
        await AbandonAsync(held.Lock);
        Assert.NotNull(await ws.ForceUnlockAsync("not-" + id, Ct));
        Assert.Null(await ws.ForceUnlockAsync(id, Ct));
        var next = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
        Assert.True(next.Taken);
        await next.Lock!.DisposeAsync();
        Assert.NotNull(await ws.ForceUnlockAsync(id, Ct)); // nothing to unlock any more
    }

    [Fact]
    public async Task ForceUnlockOfALiveHolder()
    {
        var ws = Backend.Workspace(Workspaces.Default);
        var held = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
        await using var _ = held.Lock!;
        var result = await ws.ForceUnlockAsync(held.Lock!.Info.Id, Ct);
        if (ForceUnlockBreaksLiveLocks)
        {
            Assert.Null(result);
            var next = await ws.LockAsync(Request(), TimeSpan.Zero, Ct);
            Assert.True(next.Taken);
            await next.Lock!.DisposeAsync();
        }
        else
        {
            Assert.NotNull(result);
            Assert.False((await ws.LockAsync(Request(), TimeSpan.Zero, Ct)).Taken);
        }
    }

    [Fact]
    public async Task TheJournalKeepsRecordsInOrderAcrossAppendersUntilDeleted()
    {
        var journal = Backend.Workspace(Workspaces.Default).Journal;
        using (var a = journal.OpenAppender())
        {
            var p1 = a.Write("{\"n\":1}"u8);
            var p2 = a.Write("{\"n\":2}"u8);
            Assert.True(p2 > p1);
            a.Flush(p2);
        }
        Assert.True(await journal.ExistsAsync(Ct));
        using (var b = Backend.Workspace(Workspaces.Default).Journal.OpenAppender())
            b.Flush(b.Write("{\"n\":3}"u8));
        var text = Encoding.UTF8.GetString((await journal.ReadAsync(Ct)).Span);
        Assert.Equal("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", text);
        Assert.False(await Backend.Workspace("other").Journal.ExistsAsync(Ct));
        await journal.DeleteAsync(Ct);
        Assert.False(await journal.ExistsAsync(Ct));
        Assert.Equal(0, (await journal.ReadAsync(Ct)).Length);
    }

    [Fact]
    public async Task ConcurrentFlushesMakeEveryRecordDurable()
    {
        var journal = Backend.Workspace(Workspaces.Default).Journal;
        using (var a = journal.OpenAppender())
        {
            var gate = new Lock();
            await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            {
                long p;
                lock (gate)
                    p = a.Write(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
                a.Flush(p);
            })));
        }
        var lines = Encoding.UTF8.GetString((await journal.ReadAsync(Ct)).Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(32, lines.Length);
        Assert.Equal(32, lines.Distinct().Count());
    }

    [Fact]
    public async Task WorkspacesHoldSeparateStatesAndCanBeDeleted()
    {
        Assert.Equal([Workspaces.Default], await Backend.ListWorkspacesAsync(Ct));
        await Backend.Workspace(Workspaces.Default).WriteAsync(Blob("D", 1), null, Ct);
        await Backend.Workspace("staging").WriteAsync(Blob("S", 1), null, Ct);
        await Backend.Workspace("prod").WriteAsync(Blob("P", 7), null, Ct);
        Assert.Equal(["default", "prod", "staging"], await Backend.ListWorkspacesAsync(Ct));
        Assert.Equal(new StateVersion("S", 1), (await Backend.Workspace("staging").ReadAsync(Ct))!.Version);
        using (var j = Backend.Workspace("staging").Journal.OpenAppender())
            j.Flush(j.Write("{}"u8));
        await Backend.DeleteWorkspaceAsync("staging", Ct);
        Assert.Equal(["default", "prod"], await Backend.ListWorkspacesAsync(Ct));
        Assert.Null(await Backend.Workspace("staging").ReadAsync(Ct));
        Assert.False(await Backend.Workspace("staging").Journal.ExistsAsync(Ct));
        Assert.Equal(new StateVersion("D", 1), (await Backend.Workspace(Workspaces.Default).ReadAsync(Ct))!.Version);
        Assert.Equal(new StateVersion("P", 7), (await Backend.Workspace("prod").ReadAsync(Ct))!.Version);
    }

    [Fact]
    public async Task AHundredThousandResourceStateRoundTrips()
    {
        var state = BigStates.SimMachines("big-lineage", 100_000);
        var store = new StateStore(Backend.Workspace(Workspaces.Default));
        var w = await store.WriteAsync(state, null, Ct);
        Assert.True(w.Written);
        var (read, version) = await new StateStore(Backend.Workspace(Workspaces.Default)).ReadAsync(Ct);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(new StateVersion("big-lineage", 1), version);
        Assert.Equal(100_000, read.Snapshot.InstanceCount);
        Assert.Equal(StateJson.Serialize(state), StateJson.Serialize(read.Snapshot));
        state.Serial = 2;
        Assert.True((await store.WriteAsync(state, new StateVersion("big-lineage", 1), Ct)).Written);
    }

    [Fact]
    public async Task ConcurrentWritersNeverLoseAnUpdate()
    {
        // 8 writers each add 5 increments by read + compare-and-swap, retrying when refused (no lock taken).
        await Backend.Workspace(Workspaces.Default).WriteAsync(Blob("C", 0, "0"), null, Ct);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var ws = Backend.Workspace(Workspaces.Default);
            for (var done = 0; done < 5;)
            {
                var cur = (await ws.ReadAsync(Ct))!;
                var count = int.Parse(Text(cur), System.Globalization.CultureInfo.InvariantCulture);
                var next = Blob("C", cur.Version.Serial + 1, (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if ((await ws.WriteAsync(next, cur.Version, Ct)).Written)
                    done++;
            }
        })));
        var final = (await Backend.Workspace(Workspaces.Default).ReadAsync(Ct))!;
        Assert.Equal("40", Text(final));
        Assert.Equal(40, final.Version.Serial);
    }

    [Fact]
    public async Task WritersTakingTheLockInTurnNeverLoseAnUpdate()
    {
        await Backend.Workspace(Workspaces.Default).WriteAsync(Blob("K", 0, "0"), null, Ct);
        var inside = 0;
        var maxInside = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var ws = Backend.Workspace(Workspaces.Default);
            for (var k = 0; k < 3; k++)
            {
                var held = await ws.LockAsync(Request($"writer-{i}"), TimeSpan.FromSeconds(120), Ct);
                Assert.True(held.Taken);
                await using (held.Lock!)
                {
                    var now = Interlocked.Increment(ref inside);
                    InterlockedMax(ref maxInside, now);
                    var cur = (await ws.ReadAsync(Ct))!;
                    var count = int.Parse(Text(cur), System.Globalization.CultureInfo.InvariantCulture);
                    await Task.Delay(5);
                    var w = await ws.WriteAsync(Blob("K", cur.Version.Serial + 1, (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), cur.Version, Ct);
                    Assert.True(w.Written);
                    Interlocked.Decrement(ref inside);
                }
            }
        })));
        Assert.Equal(1, maxInside);
        Assert.Equal("24", Text((await Backend.Workspace(Workspaces.Default).ReadAsync(Ct))!));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static string Text(StoredState s)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(s.Bytes);
        return doc.RootElement.GetProperty("text").GetString()!;
    }
}
