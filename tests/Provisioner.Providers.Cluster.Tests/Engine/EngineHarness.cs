using Provisioner.Config;
using Provisioner.Engine.Execution;
using Provisioner.Engine.Planning;
using Provisioner.Providers.Sim;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;
using Provisioner.State;

namespace Provisioner.Providers.Cluster.Tests.Engine;

/// <summary>Plan and apply through the engine (in process) with the sim and cluster providers, keeping state between runs.</summary>
internal sealed class EngineHarness : IDisposable
{
    private readonly TempDir _dir = new();

    public string Directory => _dir.Path;

    /// <summary>The sim provider's inventory (the configuration says <c>inventory_dir = ".sim"</c>).</summary>
    public string Inventory => Path.Combine(_dir.Path, ".sim");

    public StateSnapshot? State { get; private set; }

    public void Write(string text) => File.WriteAllText(Path.Combine(_dir.Path, "main.hcl"), text);

    public async Task<PlanOutcome> PlanAsync()
    {
        var (root, diags) = new ConfigLoader(_dir.Path).LoadTree(_dir.Path);
        Assert.False(diags.HasErrors, diags.ToString());
        var prior = State is null ? null : StateJson.Read(StateJson.Serialize(State)).Snapshot;
        var providers = new ProviderRegistry()
            .Register(new SimProviderFactory())
            .Register(new ClusterProviderFactory(new NodeDriverRegistry().Register(new NodeSoftwareDriverFactory())));
        var input = new PlanInput(root!, prior, new Dictionary<string, Hcl.Values.HclValue>(), new PlanOptions(), providers, _dir.Path);
        return await Planner.PlanAsync(input, CancellationToken.None);
    }

    /// <summary>Plans (no errors allowed) and applies, keeping the state whatever the outcome.</summary>
    public async Task<(PlanOutcome Plan, ApplyOutcome Outcome)> ApplyAsync()
    {
        var p = await PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        var outcome = await Executor.ApplyAsync(p, new ApplyOptions(10), CancellationToken.None, CancellationToken.None);
        outcome.State.Serial++;
        State = outcome.State;
        return (p, outcome);
    }

    public InstanceState Instance(string resource, string? key = null) =>
        State!.Resources.Single(r => r.Address == resource).Instances.Single(i => (string?)i.Key == key);

    public ClusterSnapshot Sim() => ClusterSnapshot.Read(Inventory);

    public void Dispose() => _dir.Dispose();
}
