using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;
using ResourceMode = Provisioner.Engine.Addresses.ResourceMode;

namespace Provisioner.Engine.Planning;

internal sealed partial class PlanWalk
{
    /// <summary>Recorded resources with no configuration left (or whose module is gone) are destroyed.</summary>
    private async Task PlanOrphansAsync()
    {
        foreach (var r in Prior.Resources)
        {
            if (_visitedState.Contains(r.Address) || r.Mode != "managed" || r.Instances.Count == 0)
                continue;
            var parsed = AddressParser.Parse(r.Address);
            if (parsed.Address?.Resource is not { } address)
            {
                Diagnostics.Error("Invalid address in state", $"The state records a resource at \"{r.Address}\", which is not a valid address.");
                continue;
            }
            var provider = await GetProviderForStateAsync(r.Provider).ConfigureAwait(false);
            if (provider is null)
            {
                Diagnostics.Error("Provider configuration not present",
                    $"To work with {r.Address} its original provider configuration at {r.Provider} is required, but it has been removed.");
                continue;
            }
            if (!provider.Schema.Resources.TryGetValue(r.Type, out var schema))
                continue;
            var type = schema.Block.ImpliedType();
            var refreshed = await RefreshedAsync(r.Address).ConfigureAwait(false);
            var moduleGone = !address.Module.IsRoot && !ModuleInstanceExists(address.Module);
            var deps = r.Instances.SelectMany(i => i.Dependencies).Distinct(StringComparer.Ordinal)
                .Select(d => AddressParser.Parse(d).Address?.Resource).OfType<ResourceAddress>().ToList();
            var forget = In.Options.Mode == PlanMode.Normal && RemovedWithoutDestroy(address);
            foreach (var inst in r.Instances)
            {
                var instAddress = address.Instance(KeyOf(inst));
                var before = PriorValue(r.Address, inst, type, schema, refreshed, instAddress, provider.StateName);
                if (before is null || In.Options.Mode == PlanMode.RefreshOnly)
                    continue;
                if (forget && inst.Deposed is null)
                {
                    AddChange(new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Forget, before, before, [], ActionReason.None, deps));
                    continue;
                }
                var reason = In.Options.Mode == PlanMode.Destroy || inst.Deposed is not null ? ActionReason.None
                    : moduleGone ? ActionReason.DeleteBecauseNoModule : ActionReason.DeleteBecauseNoResourceConfig;
                AddChange(new ResourceInstanceChange(instAddress, provider.StateName, ChangeAction.Delete, before, HclValue.NullOf(type), [], reason, deps)
                {
                    Deposed = inst.Deposed,
                });
            }
        }
    }

    /// <summary>
    /// True when a <c>removed</c> block with <c>lifecycle { destroy = false }</c> names this resource (or a module
    /// containing it): its objects are forgotten (dropped from state) instead of destroyed.
    /// </summary>
    private bool RemovedWithoutDestroy(ResourceAddress address)
    {
        foreach (var node in In.Root.Descendants())
        {
            foreach (var rb in node.Config.Removed)
            {
                if (rb.Destroy)
                    continue;
                var prefix = node.IsRoot ? "" : node.Address + ".";
                var from = AddressParser.Parse(prefix + rb.From.ToString()).Address;
                if (from is null)
                    continue;
                if (from.Resource is not null)
                {
                    if (from.Resource.Type == address.Type && from.Resource.Name == address.Name && from.Resource.Mode == address.Mode &&
                        SameModuleIgnoringKeys(from.Resource.Module, address.Module))
                        return true;
                }
                else if (address.Module.Steps.Count >= from.Module.Steps.Count &&
                    from.Module.Steps.Select(st => st.Name).SequenceEqual(address.Module.Steps.Take(from.Module.Steps.Count).Select(st => st.Name)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool SameModuleIgnoringKeys(ModuleInstance a, ModuleInstance b) =>
        a.Steps.Select(s => s.Name).SequenceEqual(b.Steps.Select(s => s.Name));

    private bool ModuleInstanceExists(ModuleInstance path)
    {
        foreach (var scopes in _scopes.Values)
        {
            foreach (var s in scopes)
            {
                if (s.Path.Equals(path))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Applies <c>moved</c> blocks to the prior state before planning: a recorded resource (or instance) at the old
    /// address is treated as the one at the new address, so it is updated instead of destroyed and created again.
    /// </summary>
    private void ApplyMoves()
    {
        foreach (var node in In.Root.Descendants())
        {
            foreach (var m in node.Config.Moved)
            {
                var prefix = node.IsRoot ? "" : node.Address + ".";
                var from = AddressParser.Parse(prefix + m.From.ToString());
                var to = AddressParser.Parse(prefix + m.To.ToString());
                if (from.Address is not { } f || to.Address is not { } t || f.Resource is null || t.Resource is null)
                    continue;
                var src = Prior.FindResource(f.Resource.ToString());
                if (src is null)
                    continue;
                var dst = Prior.FindResource(t.Resource.ToString());
                if (!f.HasKey && !t.HasKey)
                {
                    if (dst is not null)
                        continue;
                    var moved = new State.ResourceState(t.Resource.Module.ToString(), t.Resource.Mode == ResourceMode.Data ? "data" : "managed",
                        t.Resource.Type, t.Resource.Name, src.Provider) { Each = src.Each };
                    moved.Instances.AddRange(src.Instances);
                    Prior.Resources.Remove(src);
                    Prior.Resources.Add(moved);
                    _priorByAddress.Remove(src.Address);
                    _priorByAddress[moved.Address] = moved;
                    MovedFrom[moved.Address] = src.Address;
                    continue;
                }
                var inst = src.Instances.FirstOrDefault(i => i.Deposed is null && KeyOf(i) == f.Key);
                if (inst is null)
                    continue;
                if (dst is null)
                {
                    dst = new State.ResourceState(t.Resource.Module.ToString(), t.Resource.Mode == ResourceMode.Data ? "data" : "managed",
                        t.Resource.Type, t.Resource.Name, src.Provider);
                    Prior.Resources.Add(dst);
                    _priorByAddress[dst.Address] = dst;
                }
                else if (dst.Instances.Any(i => i.Deposed is null && KeyOf(i) == t.Key))
                {
                    continue;
                }
                src.Instances.Remove(inst);
                inst.Key = t.Key.Kind switch
                {
                    InstanceKeyKind.Int => t.Key.Number,
                    InstanceKeyKind.String => t.Key.Text,
                    _ => null,
                };
                dst.Instances.Add(inst);
                MovedFrom[t.Resource + t.Key.ToString()] = f.Resource + f.Key.ToString();
            }
        }
    }

    /// <summary>New address → old address of every move applied (reported in the plan).</summary>
    public Dictionary<string, string> MovedFrom { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>-target</c>: keeps the changes of targeted instances and of everything they depend on (in destroy mode:
    /// everything that depends on them); every other instance is left exactly as recorded.
    /// </summary>
    private List<ResourceInstanceChange> ApplyTargets(List<ResourceInstanceChange> changes)
    {
        var targets = In.Options.TargetList;
        if (targets.Count == 0)
            return changes;
        var selected = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ResourceAddress>();
        foreach (var c in changes)
        {
            if (targets.Any(t => t.Contains(c.Address)) && selected.Add(c.Address.Resource.ToString()))
                queue.Enqueue(c.Address.Resource);
        }
        var byResource = changes.GroupBy(c => c.Address.Resource.ToString()).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (In.Options.Mode == PlanMode.Destroy)
        {
            // Destroying a target destroys what depends on it (dependants), never what it depends on.
            queue.Clear();
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var c in changes)
                {
                    if (!selected.Contains(c.Address.Resource.ToString()) && c.Dependencies.Any(d => selected.Contains(d.ToString())))
                        grew |= selected.Add(c.Address.Resource.ToString());
                }
            }
        }
        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            if (!byResource.TryGetValue(r.ToString(), out var list))
                continue;
            foreach (var d in list.SelectMany(c => c.Dependencies))
            {
                if (selected.Add(d.ToString()))
                    queue.Enqueue(d);
            }
        }
        var result = new List<ResourceInstanceChange>(changes.Count);
        foreach (var c in changes)
        {
            var targeted = selected.Contains(c.Address.Resource.ToString()) &&
                (targets.Any(t => t.Contains(c.Address)) || !targets.Any(t => t.Resource is not null && t.Resource.Equals(c.Address.Resource)));
            if (targeted)
            {
                result.Add(c);
            }
            else if (!c.Before.IsNull)
            {
                var untouched = c with { Action = ChangeAction.NoOp, After = c.Before, ReplacePaths = [], Reason = ActionReason.None };
                if (Sites.Remove(c, out var site))
                    Sites[untouched] = site;
                result.Add(untouched);
            }
        }
        Diagnostics.Warning("Resource targeting is in effect",
            "You are creating a plan with the -target option, which means that the result of this plan may not represent all of the changes requested by the current configuration.\n\nThe -target option is not for routine use, and is provided only for exceptional situations such as recovering from errors or mistakes, or when Provisioner specifically suggests to use it as part of an error message.");
        return result;
    }
}
