using Provisioner.Config;
using Provisioner.Engine.Events;
using Provisioner.Engine.Execution;
using Provisioner.Engine.Planning;
using Provisioner.Engine.Tests.Support;
using Provisioner.Sdk;

namespace Provisioner.Engine.Tests.Execution;

public sealed class ExecutorTests
{
    private static async Task<(PlanOutcome Plan, ApplyOutcome Outcome)> RunAsync(EngineHarness h, IProviderFactory factory, int parallelism,
        CancellationToken stop = default, IEngineEvents? events = null)
    {
        var (root, diags) = new ConfigLoader(h.Directory).LoadTree(h.Directory);
        Assert.False(diags.HasErrors, diags.ToString());
        var input = new PlanInput(root!, null, h.Variables, new PlanOptions(), new ProviderRegistry().Register(factory), h.Directory)
        {
            Events = events ?? NullEngineEvents.Instance,
        };
        var p = await Planner.PlanAsync(input, CancellationToken.None);
        Assert.NotNull(p.Plan);
        var outcome = await Executor.ApplyAsync(p, new ApplyOptions(parallelism), stop, CancellationToken.None);
        return (p, outcome);
    }

    private static void Config(EngineHarness h, int n) => h.Write("main.hcl", $$"""
        resource "fake_thing" "x" {
          count = {{n}}
          name  = "x${count.index}"
        }
        """);

    [Fact]
    public async Task ParallelismBoundsProviderCallsInFlight()
    {
        using var h = new EngineHarness();
        Config(h, 20);
        var cloud = new SlowFakeCloud();
        var (_, outcome) = await RunAsync(h, cloud, parallelism: 4);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal(20, cloud.Inner.Objects.Count);
        Assert.InRange(cloud.MaxInFlight, 2, 4);
    }

    [Fact]
    public async Task ProviderOwnLimitIsHonouredBelowParallelism()
    {
        using var h = new EngineHarness();
        Config(h, 12);
        var cloud = new SlowFakeCloud { ProviderLimit = 2 };
        var (_, outcome) = await RunAsync(h, cloud, parallelism: 10);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal(2, cloud.MaxInFlight);
    }

    [Fact]
    public async Task StopSchedulingLetsInFlightCallsFinishAndRecordsThem()
    {
        using var h = new EngineHarness();
        Config(h, 30);
        using var stop = new CancellationTokenSource();
        var cloud = new SlowFakeCloud { Delay = TimeSpan.FromMilliseconds(50) };
        var started = 0;
        cloud.OnStart = _ =>
        {
            if (Interlocked.Increment(ref started) == 3)
                stop.Cancel();
        };
        var (_, outcome) = await RunAsync(h, cloud, parallelism: 3, stop.Token);
        Assert.True(outcome.Stopped);
        Assert.False(outcome.Succeeded);
        // Every call that started finished and is in the state; nothing was left half-recorded.
        Assert.Equal(cloud.Inner.Objects.Count, outcome.State.InstanceCount);
        Assert.Equal(outcome.Added, outcome.State.InstanceCount);
        Assert.InRange(outcome.Added, 3, 5);
    }

    [Fact]
    public async Task EveryMutatingCallIsBracketedByJournalEventsWithItsToken()
    {
        using var h = new EngineHarness();
        Config(h, 3);
        var events = new RecordingEvents();
        var (_, outcome) = await RunAsync(h, h.Cloud, 2, events: events);
        Assert.True(outcome.Succeeded);
        var starts = events.All.OfType<ProviderCallStarting>().ToList();
        var ends = events.All.OfType<ProviderCallFinished>().ToList();
        Assert.Equal(3, starts.Count);
        Assert.Equal(starts.Select(s => s.IdempotencyToken).Order(), ends.Select(e => e.IdempotencyToken).Order());
        Assert.Equal(starts.Select(s => s.IdempotencyToken).Order(), h.Cloud.Calls.Select(c => c.Token).Order());
        Assert.All(ends, e => Assert.True(e.Succeeded));
    }

    private sealed class RecordingEvents : IEngineEvents
    {
        private readonly Lock _lock = new();

        public List<EngineEvent> All { get; } = [];

        public void Emit(EngineEvent e)
        {
            lock (_lock)
                All.Add(e);
        }
    }
}
