using Provisioner.Config;
using Provisioner.Engine.Graph;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The configuration graph over every module of the tree: each module's static references
/// (<see cref="ModuleReferences"/>), plus edges across module boundaries (every vertex of a child module depends on its
/// call; <c>module.m#outputs</c> depends on the child's outputs). Also answers which resources a vertex depends on
/// through locals, variables, outputs and module boundaries (the dependencies recorded on each change).
/// </summary>
internal sealed class ConfigGraph
{
    private readonly Dictionary<string, IReadOnlyList<ConfigVertex>> _resourceDeps = new(StringComparer.Ordinal);

    private ConfigGraph(DependencyGraph<ConfigVertex> graph, Dictionary<ModuleNode, ModuleNode> parents)
    {
        Graph = graph;
        Parents = parents;
    }

    public DependencyGraph<ConfigVertex> Graph { get; }

    /// <summary>Child module → parent module (reference identity).</summary>
    public Dictionary<ModuleNode, ModuleNode> Parents { get; }

    public static ConfigGraph Build(ModuleNode root)
    {
        var g = new DependencyGraph<ConfigVertex>();
        var byId = new Dictionary<string, ConfigVertex>(StringComparer.Ordinal);
        var parents = new Dictionary<ModuleNode, ModuleNode>(ReferenceEqualityComparer.Instance);
        ConfigVertex V(ModuleNode m, string key)
        {
            var id = ConfigVertex.IdOf(m, key);
            if (!byId.TryGetValue(id, out var v))
            {
                byId[id] = v = new ConfigVertex(id, m, key);
                g.Add(v);
            }
            return v;
        }

        foreach (var node in root.Descendants())
        {
            foreach (var child in node.Children.Values)
                parents[child] = node;
            var deps = ModuleReferences.Dependencies(node.Config);
            foreach (var key in deps.Keys)
                V(node, key);
            foreach (var call in node.Config.ModuleCalls.Keys)
                V(node, "module." + call + "#outputs");
        }
        foreach (var node in root.Descendants())
        {
            var deps = ModuleReferences.Dependencies(node.Config);
            foreach (var (key, list) in deps)
            {
                var from = V(node, key);
                foreach (var d in list)
                {
                    var target = d.StartsWith("module.", StringComparison.Ordinal) && d != key ? d + "#outputs" : d;
                    g.AddDependency(from, V(node, target));
                }
            }
            foreach (var (name, child) in node.Children)
            {
                var call = V(node, "module." + name);
                var outs = V(node, "module." + name + "#outputs");
                g.AddDependency(outs, call);
                foreach (var key in ModuleReferences.Dependencies(child.Config).Keys)
                {
                    var cv = V(child, key);
                    g.AddDependency(cv, call);
                    if (key.StartsWith("output.", StringComparison.Ordinal))
                        g.AddDependency(outs, cv);
                }
                foreach (var grandchild in child.Config.ModuleCalls.Keys)
                {
                    g.AddDependency(V(child, "module." + grandchild), call);
                    g.AddDependency(V(child, "module." + grandchild + "#outputs"), call);
                }
            }
        }
        return new ConfigGraph(g, parents);
    }

    /// <summary>The graph's cycles as diagnostics ("Cycle: a, b, a"); empty when there are none.</summary>
    public DiagnosticList Cycles()
    {
        var diags = new DiagnosticList();
        foreach (var cycle in Graph.FindCycles())
        {
            var names = cycle.Select(v => v.Module.IsRoot ? v.Key : v.Module.Address + "." + v.Key).ToList();
            diags.Error("Cycle in configuration", "Cycle: " + string.Join(", ", names), null);
        }
        return diags;
    }

    /// <summary>The resources <paramref name="vertex"/> depends on, directly or through non-resource vertices.</summary>
    public IReadOnlyList<ConfigVertex> ResourceDependencies(ConfigVertex vertex)
    {
        if (_resourceDeps.TryGetValue(vertex.Id, out var cached))
            return cached;
        var result = new List<ConfigVertex>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<ConfigVertex>(Graph.DependenciesOf(vertex));
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            if (!seen.Add(d.Id))
                continue;
            if (d.IsResource)
            {
                result.Add(d);
                continue;
            }
            if (d.Key.StartsWith("provider.", StringComparison.Ordinal))
                continue;
            foreach (var dd in Graph.DependenciesOf(d))
                stack.Push(dd);
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        _resourceDeps[vertex.Id] = result;
        return result;
    }
}
