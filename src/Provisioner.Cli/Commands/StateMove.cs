using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// Validates one <c>state mv</c> request against a snapshot and, when it is allowed, remembers the edit;
/// <see cref="Apply"/> performs it. Nothing changes before <see cref="Apply"/>, so a refused move (or a dry run)
/// leaves the state as read.
/// </summary>
internal sealed class StateMove(StateSnapshot state)
{
    private readonly StateAddresses _addresses = new();
    private Action? _apply;

    public void Apply() => _apply?.Invoke();

    /// <summary><c>module.a</c> to <c>module.b</c>: every resource in the module and its descendants.</summary>
    public (string From, string To, DiagnosticList Diagnostics) Module(ParsedAddress source, ParsedAddress dest)
    {
        var diags = new DiagnosticList();
        var (from, to) = (source.ToString(), dest.ToString());
        if (source.Module.IsRoot)
            return Refuse(from, to, "Invalid source address", "Cannot move the root module.");
        if (dest.Resource is not null || dest.Module.IsRoot)
            return Refuse(from, to, "Invalid target address", $"Cannot move {from} to {to}: a module can only be moved to a module address.");
        if (StateAddresses.IsWithin(dest.Module, source.Module))
            return Refuse(from, to, "Invalid target address", $"Cannot move {from} into itself.");
        var moving = new List<ResourceState>();
        foreach (var r in state.Resources)
        {
            var m = _addresses.Resource(r).Module;
            if (StateAddresses.IsWithin(m, source.Module))
                moving.Add(r);
            else if (StateAddresses.IsWithin(m, dest.Module))
                return Refuse(from, to, "Invalid target address", $"Cannot move to {to}: there is already a module at that address in the current state.");
        }
        if (moving.Count == 0)
            return NoSource(from, to);
        _apply = () =>
        {
            foreach (var r in moving)
            {
                var a = _addresses.Resource(r);
                var module = new ModuleInstance([.. dest.Module.Steps, .. a.Module.Steps.Skip(source.Module.Steps.Count)]);
                Replace(r, Renamed(r, a with { Module = module }));
            }
        };
        return (from, to, diags);
    }

    /// <summary>A whole resource to another resource address, into a module, or (when it has one instance) to an instance address.</summary>
    public (string From, string To, DiagnosticList Diagnostics) Resource(ResourceAddress source, ParsedAddress dest)
    {
        var (from, to) = (source.ToString(), dest.ToString());
        if (Find(source) is not { } src)
            return NoSource(from, to);
        if (dest.HasKey)
        {
            var keys = src.Instances.Select(i => StateAddresses.ToKey(i.Key)).Distinct().ToList();
            if (keys.Count != 1)
            {
                return Refuse(from, to, "Invalid target address",
                    $"Cannot move {from} to {to}: the resource has {keys.Count} instances, so it can only move to a resource address. Move its instances one by one instead.");
            }
            return Instance(source.Instance(keys[0]), dest);
        }
        var target = dest.Resource ?? source with { Module = dest.Module };
        to = target.ToString();
        if (Mismatch(source, target, from, to) is { } refused)
            return refused;
        if (Find(target) is not null)
            return Refuse(from, to, "Invalid target address", $"Cannot move to {to}: there is already a resource at that address in the current state.");
        _apply = () => Replace(src, Renamed(src, target));
        return (from, to, new DiagnosticList());
    }

    /// <summary>One instance (its current and deposed objects) to another instance address.</summary>
    public (string From, string To, DiagnosticList Diagnostics) Instance(ResourceInstanceAddress source, ParsedAddress dest)
    {
        var from = source.ToString();
        var src = Find(source.Resource);
        var moving = src?.Instances.Where(i => StateAddresses.ToKey(i.Key) == source.Key).ToList() ?? [];
        if (src is null || moving.Count == 0)
            return NoSource(from, dest.ToString());
        var target = dest.Resource is null
            ? (source.Resource with { Module = dest.Module }).Instance(source.Key)
            : dest.Resource.Instance(dest.HasKey ? dest.Key : InstanceKey.None);
        var to = target.ToString();
        if (Mismatch(source.Resource, target.Resource, from, to) is { } refused)
            return refused;
        var dst = Find(target.Resource);
        var others = dst?.Instances.Where(i => !moving.Contains(i)).ToList() ?? [];
        if (others.Exists(i => StateAddresses.ToKey(i.Key) == target.Key))
            return Refuse(from, to, "Invalid target address", $"Cannot move to {to}: there is already a resource instance at that address in the current state.");
        if (others.Exists(i => StateAddresses.ToKey(i.Key).Kind != target.Key.Kind))
        {
            return Refuse(from, to, "Invalid target address",
                $"Cannot move to {to}: the other instances of {target.Resource} have keys of another kind (count uses [0], for_each uses [\"key\"], a single instance none).");
        }
        _apply = () =>
        {
            src.Instances.RemoveAll(moving.Contains);
            if (dst is null)
            {
                dst = new ResourceState(target.Resource.Module.ToString(), src.Mode, target.Resource.Type, target.Resource.Name, src.Provider);
                state.Resources.Insert(state.Resources.IndexOf(src) + 1, dst);
            }
            foreach (var m in moving)
                m.Key = StateAddresses.FromKey(target.Key);
            dst.Instances.AddRange(moving);
            if (others.Count == 0)
                dst.Each = StateAddresses.EachFor(target.Key);
            if (src.Instances.Count == 0 && !ReferenceEquals(src, dst))
                state.Resources.Remove(src);
        };
        return (from, to, new DiagnosticList());
    }

    private ResourceState? Find(ResourceAddress address) => state.Resources.Find(r => _addresses.Resource(r) == address);

    private void Replace(ResourceState old, ResourceState replacement) => state.Resources[state.Resources.IndexOf(old)] = replacement;

    private static ResourceState Renamed(ResourceState r, ResourceAddress a)
    {
        var renamed = new ResourceState(a.Module.ToString(), r.Mode, a.Type, a.Name, r.Provider) { Each = r.Each };
        renamed.Instances.AddRange(r.Instances);
        return renamed;
    }

    private static (string, string, DiagnosticList)? Mismatch(ResourceAddress a, ResourceAddress b, string from, string to)
    {
        if (a.Mode != b.Mode)
            return Refuse(from, to, "Invalid state move request", $"Cannot move {from} to {to}: a managed resource and a data source cannot be moved into each other.");
        if (a.Type != b.Type)
            return Refuse(from, to, "Invalid state move request", $"Cannot move {from} to {to}: resource types don't match.");
        return null;
    }

    private static (string, string, DiagnosticList) NoSource(string from, string to) =>
        Refuse(from, to, "Invalid source address", $"Cannot move {from}: does not match anything in the current state.");

    private static (string, string, DiagnosticList) Refuse(string from, string to, string summary, string detail)
    {
        var diags = new DiagnosticList();
        diags.Error(summary, detail);
        return (from, to, diags);
    }
}
