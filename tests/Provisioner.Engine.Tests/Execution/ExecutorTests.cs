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

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task ValuesLearnedDuringApplyReachLocalsModuleVariablesAndLaterInstances(int parallelism)
    {
        // Locals, module variables and outputs upstream of an instance are evaluated again before it is applied
        // only when something they depend on changed; each level here depends on ids known only after apply.
        using var h = new EngineHarness();
        h.Write("modules/pool/main.hcl", """
            variable "ref" {
              type = string
            }
            resource "fake_thing" "node" {
              count = 2
              name  = "node-${count.index}"
              ref   = "${var.ref}/${count.index}"
            }
            output "ids" {
              value = fake_thing.node[*].id
            }
            """);
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            locals {
              a_id   = fake_thing.a.id
              b_ids  = join(",", fake_thing.b[*].id)
              static = "s"
            }
            resource "fake_thing" "b" {
              count = 3
              name  = "b-${count.index}"
              ref   = "${local.a_id}-${local.static}-${count.index}"
            }
            module "pool" {
              source = "./modules/pool"
              count  = 2
              ref    = "${local.b_ids}#${count.index}"
            }
            resource "fake_thing" "c" {
              name = "c"
              ref  = join(";", flatten(module.pool[*].ids))
            }
            """);
        var (_, outcome) = await RunAsync(h, h.Cloud, parallelism);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        var byName = h.Cloud.Objects.Values.Where(v => !v.GetAttribute("name").AsString().StartsWith("node-", StringComparison.Ordinal))
            .ToDictionary(v => v.GetAttribute("name").AsString(), StringComparer.Ordinal);
        string Id(string name) => byName[name].GetAttribute("id").AsString();
        string Ref(string name) => byName[name].GetAttribute("ref").AsString();
        for (var i = 0; i < 3; i++)
            Assert.Equal($"{Id("a")}-s-{i}", Ref($"b-{i}"));
        var bIds = string.Join(",", Enumerable.Range(0, 3).Select(i => Id($"b-{i}")));
        var nodes = h.Cloud.Objects.Values.Where(v => v.GetAttribute("name").AsString().StartsWith("node-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, nodes.Count);
        Assert.Equal(
            new[] { $"{bIds}#0/0", $"{bIds}#0/1", $"{bIds}#1/0", $"{bIds}#1/1" },
            nodes.Select(v => v.GetAttribute("ref").AsString()).Order(StringComparer.Ordinal));
        var nodeIds = nodes.Select(v => v.GetAttribute("id").AsString()).ToHashSet(StringComparer.Ordinal);
        Assert.True(nodeIds.SetEquals(Ref("c").Split(';')), Ref("c"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DependantsOfAResourceWithManyInstancesWaitForAllOfThemAndAreSkippedAfterAFailure(bool fail)
    {
        // 40 instances: dependants wait on one barrier step per resource instead of on each instance.
        using var h = new EngineHarness();
        if (fail)
            h.Cloud.FailNames.Add("many-17");
        h.Write("main.hcl", """
            resource "fake_thing" "many" {
              count = 40
              name  = "many-${count.index}"
            }
            resource "fake_thing" "after" {
              count = 3
              name  = "after-${count.index}"
              ref   = fake_thing.many[0].id
            }
            resource "fake_thing" "independent" {
              name = "independent"
            }
            """);
        var events = new RecordingEvents();
        var (_, outcome) = await RunAsync(h, h.Cloud, 4, events: events);
        var calls = h.Cloud.Calls.Select(c => c.Name).ToList();
        Assert.Contains("independent", calls);
        var skipped = events.All.OfType<StepSkipped>().Select(e => e.Address).Order(StringComparer.Ordinal).ToList();
        if (fail)
        {
            Assert.False(outcome.Succeeded);
            Assert.Equal(40, calls.Count(n => n.StartsWith("many-", StringComparison.Ordinal)));
            Assert.DoesNotContain(calls, n => n.StartsWith("after-", StringComparison.Ordinal));
            Assert.Equal(["fake_thing.after[0]", "fake_thing.after[1]", "fake_thing.after[2]"], skipped);
            Assert.Equal(40 - 1 + 1, outcome.Added);
        }
        else
        {
            Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
            Assert.Empty(skipped);
            var lastMany = calls.FindLastIndex(n => n.StartsWith("many-", StringComparison.Ordinal));
            var firstAfter = calls.FindIndex(n => n.StartsWith("after-", StringComparison.Ordinal));
            Assert.True(lastMany < firstAfter, string.Join(" ", calls));
            Assert.Equal(44, outcome.Added);
            Assert.Equal(44, events.All.OfType<StepStarted>().Count());
        }
    }
}
