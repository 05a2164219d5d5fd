using Provisioner.Engine.Graph;

namespace Provisioner.Engine.Tests.Graph;

public sealed class DependencyGraphTests
{
    [Fact]
    public void TopologicalOrder_Chain_DependenciesFirst()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("app", "db");
        g.AddDependency("db", "net");
        Assert.Equal(["net", "db", "app"], g.TopologicalOrder());
    }

    [Fact]
    public void TopologicalOrder_IndependentNodes_KeepInsertionOrder()
    {
        var g = new DependencyGraph<string>();
        g.Add("c");
        g.Add("a");
        g.Add("b");
        Assert.Equal(["c", "a", "b"], g.TopologicalOrder());
    }

    [Fact]
    public void TopologicalOrder_Cycle_ReturnsNull()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("a", "b");
        g.AddDependency("b", "a");
        Assert.Null(g.TopologicalOrder());
    }

    [Fact]
    public void FindCycles_Acyclic_IsEmpty()
    {
        var g = new DependencyGraph<int>();
        for (var i = 1; i < 100; i++)
            g.AddDependency(i, i - 1);
        Assert.Empty(g.FindCycles());
    }

    [Fact]
    public void FindCycles_ThreeNodeCycle_ReturnsItInEdgeOrder()
    {
        // Given a -> b -> c -> a, plus an unrelated d -> a
        var g = new DependencyGraph<string>();
        g.AddDependency("a", "b");
        g.AddDependency("b", "c");
        g.AddDependency("c", "a");
        g.AddDependency("d", "a");

        // When
        var cycles = g.FindCycles();

        // Then
        var cycle = Assert.Single(cycles);
        Assert.Equal(["a", "b", "c"], cycle);
    }

    [Fact]
    public void FindCycles_SelfDependency_IsACycle()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("x", "x");
        Assert.Equal(["x"], Assert.Single(g.FindCycles()));
    }

    [Fact]
    public void FindCycles_TwoSeparateCycles_FindsBoth()
    {
        var g = new DependencyGraph<int>();
        g.AddDependency(1, 2);
        g.AddDependency(2, 1);
        g.AddDependency(3, 4);
        g.AddDependency(4, 3);
        Assert.Equal(2, g.FindCycles().Count);
    }

    [Fact]
    public void FindCycles_DeepChain_DoesNotOverflowStack()
    {
        var g = new DependencyGraph<int>();
        for (var i = 1; i < 200_000; i++)
            g.AddDependency(i, i - 1);
        g.AddDependency(0, 199_999);
        var cycle = Assert.Single(g.FindCycles());
        Assert.Equal(200_000, cycle.Count);
    }

    [Fact]
    public void Reverse_SwapsEdges()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("vm", "net");
        var r = g.Reverse();
        Assert.Equal(["vm"], r.DependenciesOf("net"));
        Assert.Equal(["vm", "net"], r.TopologicalOrder());
    }

    [Fact]
    public void AddDependency_Twice_RecordsOneEdge()
    {
        var g = new DependencyGraph<string>();
        g.AddDependency("a", "b");
        g.AddDependency("a", "b");
        Assert.Single(g.DependenciesOf("a"));
        Assert.Single(g.DependantsOf("b"));
    }
}
