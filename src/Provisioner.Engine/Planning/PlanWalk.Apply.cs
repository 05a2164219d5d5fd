using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

internal sealed partial class PlanWalk
{
    private readonly Dictionary<string, int> _orderIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(ConfigVertex Vertex, ConfigVertex[] Dependencies)>> _upstream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _evaluatedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Set while the executor uses this walk: output changes are no longer collected.</summary>
    public bool Applying { get; set; }

    /// <summary>
    /// Evaluates again, in dependency order, the variables, locals and outputs between <paramref name="v"/> and the
    /// resources it depends on, so they see values recorded since planning. A vertex is evaluated again only when
    /// nothing has been evaluated for it during apply yet, or when one of its direct dependencies changed since:
    /// a resource with a new instance value (<see cref="SetInstanceValue"/>) or a vertex evaluated again.
    /// </summary>
    public async Task ReevaluateUpstreamAsync(ConfigVertex v)
    {
        if (!_upstream.TryGetValue(v.Id, out var list))
        {
            list = [];
            var found = new List<ConfigVertex>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<ConfigVertex>(Graph.Graph.DependenciesOf(v));
            while (stack.Count > 0)
            {
                var d = stack.Pop();
                if (!seen.Add(d.Id) || d.IsResource || d.Key.StartsWith("provider.", StringComparison.Ordinal))
                    continue;
                if (!(d.Key.StartsWith("module.", StringComparison.Ordinal) && !d.Key.EndsWith("#outputs", StringComparison.Ordinal)))
                    found.Add(d);
                foreach (var dd in Graph.Graph.DependenciesOf(d))
                    stack.Push(dd);
            }
            found.Sort((a, b) => _orderIndex[a.Id].CompareTo(_orderIndex[b.Id]));
            list = found.Select(d => (d, Graph.Graph.DependenciesOf(d).ToArray())).ToList();
            _upstream[v.Id] = list;
        }
        foreach (var (d, deps) in list)
        {
            if (_evaluatedAt.TryGetValue(d.Id, out var at) && !ChangedSince(deps, at))
                continue;
            await VisitAsync(d).ConfigureAwait(false);
            var now = ++_version;
            _evaluatedAt[d.Id] = now;
            _changedAt[d.Id] = now;
        }
    }

    private bool ChangedSince(ConfigVertex[] deps, long at)
    {
        foreach (var dep in deps)
        {
            if (_changedAt.TryGetValue(dep.Id, out var changed) && changed > at)
                return true;
        }
        return false;
    }

    /// <summary>Evaluates an instance's configuration with the values known now.</summary>
    public HclValue EvaluateConfig(InstanceSite site, DiagnosticList diags)
    {
        var ctx = site.Scope.ForInstance(site.Key, site.EachValue);
        return DecodeConfig(site, ctx, diags);
    }

    /// <summary>Records an instance's new value so later evaluations see it.</summary>
    public void SetInstanceValue(InstanceSite site, HclValue value)
    {
        var values = site.Scope.Resources[site.Resource.Address];
        values.Set(site.Key, value);
        site.Scope.ResourceChanged(site.Resource.Address);
        _changedAt[site.Vertex.Id] = ++_version;
    }

    /// <summary>The root module's outputs evaluated with the values known now (after apply).</summary>
    public async Task<List<(string Name, HclValue Value, bool Sensitive)>> FinalOutputsAsync()
    {
        var result = new List<(string, HclValue, bool)>();
        foreach (var o in In.Root.Config.Outputs.Values)
        {
            var v = Graph.Graph.Nodes.First(n => ReferenceEquals(n.Module, In.Root) && n.Key == "output." + o.Name);
            await ReevaluateUpstreamAsync(v).ConfigureAwait(false);
            EvaluateOutput(RootScope, o);
            result.Add((o.Name, RootScope.Outputs[o.Name], o.Sensitive));
        }
        return result;
    }
}
