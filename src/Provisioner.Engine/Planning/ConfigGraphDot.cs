using System.Globalization;
using System.Text;
using Provisioner.Config;

namespace Provisioner.Engine.Planning;

/// <summary>
/// <c>provisioner graph</c>: the configuration's dependency graph in Graphviz DOT, one node per resource, data source,
/// module output and provider configuration (module-qualified), with an edge from each object to what it uses.
/// </summary>
public static class ConfigGraphDot
{
    public static string Render(ModuleNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var g = ConfigGraph.Build(root);
        var sb = new StringBuilder();
        sb.Append("digraph {\n");
        sb.Append("  compound = \"true\"\n  newrank = \"true\"\n  subgraph \"root\" {\n");
        static string Name(ConfigVertex v) => "[root] " + (v.Module.IsRoot ? "" : v.Module.Address + ".") + v.Key;
        var shown = g.Graph.Nodes.Where(v => v.IsResource || v.Key.StartsWith("provider.", StringComparison.Ordinal)).ToList();
        foreach (var v in shown.OrderBy(Name, StringComparer.Ordinal))
        {
            var shape = v.Key.StartsWith("provider.", StringComparison.Ordinal) ? "diamond" : "box";
            sb.Append(CultureInfo.InvariantCulture, $"    \"{Name(v)}\" [label = \"{(v.Module.IsRoot ? "" : v.Module.Address + ".")}{v.Key}\", shape = \"{shape}\"]\n");
        }
        var edges = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var v in shown)
        {
            if (!v.IsResource)
                continue;
            foreach (var d in g.ResourceDependencies(v))
                edges.Add($"    \"{Name(v)}\" -> \"{Name(d)}\"\n");
            foreach (var d in g.Graph.DependenciesOf(v).Where(d => d.Key.StartsWith("provider.", StringComparison.Ordinal)))
                edges.Add($"    \"{Name(v)}\" -> \"{Name(d)}\"\n");
        }
        foreach (var e in edges)
            sb.Append(e);
        sb.Append("  }\n}\n");
        return sb.ToString();
    }
}
