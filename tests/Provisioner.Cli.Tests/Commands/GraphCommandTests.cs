namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>graph</c> prints the configuration's dependency graph in DOT.</summary>
public sealed class GraphCommandTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Graph_PrintsDot_WithEdgesThroughLocalsVariablesAndModules()
    {
        var r = await _ws.Run("graph");

        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.StartsWith("digraph {", r.Out);
        Assert.EndsWith("}\n", r.Out);
        Assert.Contains("\"[root] sim_machine.cp\" [label = \"sim_machine.cp\", shape = \"box\"]", r.Out);
        Assert.Contains("\"[root] sim_machine.cp\" -> \"[root] sim_network.main\"", r.Out);
        Assert.Contains("\"[root] sim_machine.cp\" -> \"[root] data.sim_image.base\"", r.Out);
        // Through the module call's input variable:
        Assert.Contains("\"[root] module.workers.sim_machine.worker\" -> \"[root] sim_network.main\"", r.Out);
        Assert.DoesNotContain("-> \"[root] sim_machine.cp\"", r.Out);
        Assert.False(File.Exists(_ws.StatePath));
    }

    [Fact]
    public async Task Graph_BrokenConfiguration_Exits1WithDiagnostic()
    {
        _ws.Write("broken.hcl", "resource \"sim_machine\" \"x\" {\n  name = local.missing\n}\n");

        var r = await _ws.Run("graph");

        Assert.Equal(1, r.Code);
        Assert.Contains("broken.hcl:2:10: error: Reference to undeclared local value", r.Err);
    }
}
