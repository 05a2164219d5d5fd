using System.Collections.Concurrent;
using Provisioner.Engine.Graph;

namespace Provisioner.Engine.Tests.Graph;

public sealed class GraphWalkerTests
{
    [Fact]
    public async Task WalkAsync_Chain_VisitsInDependencyOrder()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("c", "b");
        g.AddDependency("b", "a");
        var order = new ConcurrentQueue<string>();

        var result = await GraphWalker.WalkAsync(g, async (n, _) => { await Task.Yield(); order.Enqueue(n); return true; }, 4, default, default);

        Assert.True(result.AllSucceeded);
        Assert.Equal(["a", "b", "c"], order);
    }

    [Fact]
    public async Task WalkAsync_Parallelism_NeverExceeded()
    {
        // Given 50 independent nodes and a limit of 5
        var g = new DependencyGraph<int>();
        for (var i = 0; i < 50; i++)
            g.Add(i);
        var current = 0;
        var peak = 0;

        // When
        var result = await GraphWalker.WalkAsync(g, async (_, ct) =>
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref peak, now);
            await Task.Delay(2, ct);
            Interlocked.Decrement(ref current);
            return true;
        }, 5, default, default);

        // Then
        Assert.True(result.AllSucceeded);
        Assert.True(peak <= 5, $"peak {peak}");
        Assert.True(peak > 1, "independent nodes should run concurrently");
    }

    [Fact]
    public async Task WalkAsync_Failure_SkipsDependantsButFinishesIndependentWork()
    {
        // Given net <- vm <- dns, and an independent bucket
        var g = new DependencyGraph<string>();
        g.AddDependency("vm", "net");
        g.AddDependency("dns", "vm");
        g.Add("bucket");
        var visited = new ConcurrentBag<string>();

        // When the vm fails
        var result = await GraphWalker.WalkAsync(g, (n, _) => { visited.Add(n); return Task.FromResult(n != "vm"); }, 2, default, default);

        // Then
        Assert.Equal(WalkStatus.Succeeded, result["net"]);
        Assert.Equal(WalkStatus.Failed, result["vm"]);
        Assert.Equal(WalkStatus.Skipped, result["dns"]);
        Assert.Equal(WalkStatus.Succeeded, result["bucket"]);
        Assert.DoesNotContain("dns", visited);
    }

    [Fact]
    public async Task WalkAsync_VisitThrows_RecordedAsFailureWithException()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("b", "a");
        var result = await GraphWalker.WalkAsync<string>(g, (n, _) => n == "a" ? throw new InvalidOperationException("bug") : Task.FromResult(true), 1, default, default);
        Assert.Equal(WalkStatus.Failed, result["a"]);
        Assert.Equal(WalkStatus.Skipped, result["b"]);
        Assert.IsType<InvalidOperationException>(Assert.Single(result.Exceptions));
    }

    [Fact]
    public async Task WalkAsync_StopScheduling_LetsInFlightFinishAndStartsNothingNew()
    {
        // Given 10 independent nodes, parallelism 2, and a stop requested by the first visit
        var g = new DependencyGraph<int>();
        for (var i = 0; i < 10; i++)
            g.Add(i);
        using var stop = new CancellationTokenSource();
        var started = 0;

        // When
        var result = await GraphWalker.WalkAsync(g, async (_, ct) =>
        {
            Interlocked.Increment(ref started);
            stop.Cancel();
            await Task.Delay(5, ct);
            return true;
        }, 2, stop.Token, default);

        // Then the visits already started finished; the rest never started
        Assert.Equal(started, result.Count(WalkStatus.Succeeded));
        Assert.Equal(10 - started, result.Count(WalkStatus.NotStarted));
        Assert.True(started <= 2);
    }

    [Fact]
    public async Task WalkAsync_LargeGraph_Completes()
    {
        var g = new DependencyGraph<int>();
        for (var i = 0; i < 100_000; i++)
        {
            g.Add(i);
            if (i >= 10)
                g.AddDependency(i, i % 10);
        }
        var count = 0;
        var result = await GraphWalker.WalkAsync(g, (_, _) => { Interlocked.Increment(ref count); return Task.FromResult(true); }, 10, default, default);
        Assert.True(result.AllSucceeded);
        Assert.Equal(100_000, count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
