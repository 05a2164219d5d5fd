using Provisioner.Config;
using Provisioner.Engine.Execution;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.State;

namespace Provisioner.Engine.Tests.Support;

/// <summary>Writes configuration files to a temporary directory and runs plan/apply against a <see cref="FakeCloud"/>.</summary>
internal sealed class EngineHarness : IDisposable
{
    public EngineHarness()
    {
        Directory = Path.Combine(Path.GetTempPath(), "pv-engine-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public FakeCloud Cloud { get; } = new();

    public StateSnapshot? State { get; private set; }

    public Dictionary<string, HclValue> Variables { get; } = new(StringComparer.Ordinal);

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public async Task<PlanOutcome> PlanAsync(PlanOptions? options = null)
    {
        var (root, diags) = new ConfigLoader(Directory).LoadTree(Directory);
        Assert.False(diags.HasErrors, diags.ToString());
        // Planning takes ownership of the prior state (apply records into it): hand it a copy.
        var prior = State is null ? null : StateJson.Read(StateJson.Serialize(State)).Snapshot;
        var input = new PlanInput(root!, prior, Variables, options ?? new PlanOptions(), new ProviderRegistry().Register(Cloud), Directory);
        return await Planner.PlanAsync(input, CancellationToken.None);
    }

    public async Task<ApplyOutcome> ApplyAsync(PlanOutcome planned, int parallelism = 10)
    {
        Assert.NotNull(planned.Plan);
        var outcome = await Executor.ApplyAsync(planned, new ApplyOptions(parallelism), CancellationToken.None, CancellationToken.None);
        outcome.State.Serial++;
        State = outcome.State;
        return outcome;
    }

    public async Task<ApplyOutcome> PlanAndApplyAsync(PlanOptions? options = null)
    {
        var p = await PlanAsync(options);
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        return await ApplyAsync(p);
    }

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
