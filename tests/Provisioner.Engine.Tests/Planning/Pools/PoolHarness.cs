using Provisioner.Config;
using Provisioner.Engine.Execution;
using Provisioner.Engine.Planning;
using Provisioner.Sdk;
using Provisioner.State;

namespace Provisioner.Engine.Tests.Planning.Pools;

/// <summary>Plan/apply over the <see cref="PoolStandInProvider"/> in a temporary directory, keeping state between runs.</summary>
internal sealed class PoolHarness : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "pv-pools-" + Guid.NewGuid().ToString("N"));

    public PoolStandInProvider Provider { get; } = new();

    public StateSnapshot? State { get; private set; }

    public PoolHarness() => System.IO.Directory.CreateDirectory(Directory);

    public void Write(string text) => File.WriteAllText(Path.Combine(Directory, "main.hcl"), text);

    public async Task<PlanOutcome> PlanAsync(PlanOptions? options = null)
    {
        var (root, diags) = new ConfigLoader(Directory).LoadTree(Directory);
        Assert.False(diags.HasErrors, diags.ToString());
        var prior = State is null ? null : StateJson.Read(StateJson.Serialize(State)).Snapshot;
        var input = new PlanInput(root!, prior, new Dictionary<string, Hcl.Values.HclValue>(), options ?? new PlanOptions(), new ProviderRegistry().Register(Provider), Directory);
        return await Planner.PlanAsync(input, CancellationToken.None);
    }

    /// <summary>Plans and applies; returns the plan and the provider calls made by the apply, in order.</summary>
    public async Task<(Plan Plan, List<string> Calls)> ApplyAsync(int parallelism = 10, PlanOptions? options = null)
    {
        var p = await PlanAsync(options);
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Provider.Calls.Clear();
        var outcome = await Executor.ApplyAsync(p, new ApplyOptions(parallelism), CancellationToken.None, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        outcome.State.Serial++;
        State = outcome.State;
        return (p.Plan!, Provider.Calls.ToList());
    }

    /// <summary>Plans and applies, keeping the state whatever the outcome; returns the plan, the outcome and the provider calls.</summary>
    public async Task<(Plan Plan, ApplyOutcome Outcome, List<string> Calls)> TryApplyAsync(int parallelism = 10, PlanOptions? options = null)
    {
        var p = await PlanAsync(options);
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Provider.Calls.Clear();
        var outcome = await Executor.ApplyAsync(p, new ApplyOptions(parallelism), CancellationToken.None, CancellationToken.None);
        outcome.State.Serial++;
        State = outcome.State;
        return (p.Plan!, outcome, Provider.Calls.ToList());
    }

    /// <summary>The recorded instance at <paramref name="resource"/>[<paramref name="key"/>].</summary>
    public InstanceState Instance(string resource, string key) =>
        State!.Resources.Single(r => r.Address == resource).Instances.Single(i => (string?)i.Key == key);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
