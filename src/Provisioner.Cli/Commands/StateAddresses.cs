using Provisioner.Engine.Addresses;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// Bridges the state model (addresses as strings, keys as <c>null</c>/<see cref="long"/>/<see cref="string"/>) and
/// the engine's typed addresses, for the <c>state</c> commands: typed addresses of recorded objects, Terraform's
/// listing order, and matching of user-written addresses.
/// </summary>
internal sealed class StateAddresses
{
    private readonly Dictionary<string, ModuleInstance> _modules = new(StringComparer.Ordinal) { [""] = ModuleInstance.Root };

    public ResourceAddress Resource(ResourceState r)
    {
        if (!_modules.TryGetValue(r.Module, out var module))
        {
            var (parsed, _) = AddressParser.Parse(r.Module);
            module = parsed is { Resource: null } ? parsed.Module : throw new InvalidOperationException($"invalid module address in state: {r.Module}");
            _modules[r.Module] = module;
        }
        return new ResourceAddress(module, r.Mode == "data" ? ResourceMode.Data : ResourceMode.Managed, r.Type, r.Name);
    }

    public ResourceInstanceAddress Instance(ResourceState r, InstanceState i) => Resource(r).Instance(ToKey(i.Key));

    public static InstanceKey ToKey(object? key) => key switch
    {
        long n => InstanceKey.Int(n),
        string s => InstanceKey.String(s),
        _ => InstanceKey.None,
    };

    public static object? FromKey(InstanceKey key) => key.Kind switch
    {
        InstanceKeyKind.Int => key.Number,
        InstanceKeyKind.String => key.Text,
        _ => null,
    };

    /// <summary>The <c>each</c> value a resource gets when its instances have keys of this kind.</summary>
    public static string EachFor(InstanceKey key) => key.Kind switch
    {
        InstanceKeyKind.Int => "list",
        InstanceKeyKind.String => "map",
        _ => "",
    };

    /// <summary>
    /// Terraform's order for state listings: shorter module paths first, then module steps by name and key; then
    /// data sources before managed resources, type, name; then no key, integer keys numerically, string keys ordinally.
    /// </summary>
    public static int Compare(ResourceInstanceAddress a, ResourceInstanceAddress b)
    {
        var c = CompareModules(a.Resource.Module, b.Resource.Module);
        if (c != 0)
            return c;
        if (a.Resource.Mode != b.Resource.Mode)
            return a.Resource.Mode == ResourceMode.Data ? -1 : 1;
        c = string.CompareOrdinal(a.Resource.Type, b.Resource.Type);
        if (c != 0)
            return c;
        c = string.CompareOrdinal(a.Resource.Name, b.Resource.Name);
        return c != 0 ? c : a.Key.CompareTo(b.Key);
    }

    private static int CompareModules(ModuleInstance a, ModuleInstance b)
    {
        if (a.Steps.Count != b.Steps.Count)
            return a.Steps.Count.CompareTo(b.Steps.Count);
        for (var i = 0; i < a.Steps.Count; i++)
        {
            var c = string.CompareOrdinal(a.Steps[i].Name, b.Steps[i].Name);
            if (c == 0)
                c = a.Steps[i].Key.CompareTo(b.Steps[i].Key);
            if (c != 0)
                return c;
        }
        return 0;
    }

    /// <summary>
    /// True when <paramref name="filter"/> (as written on the command line) selects <paramref name="instance"/>: a
    /// module address selects everything in that module and its descendants, a resource address every instance of the
    /// resource, an instance address that instance. As in Terraform, a module step written without a key
    /// (<c>module.a</c>) matches every instance of that module call.
    /// </summary>
    public static bool Matches(ParsedAddress filter, ResourceInstanceAddress instance)
    {
        var module = instance.Resource.Module;
        if (filter.Resource is null)
            return ModuleMatches(filter.Module, module, prefix: true);
        var r = filter.Resource;
        return ModuleMatches(r.Module, module, prefix: false)
            && r.Mode == instance.Resource.Mode
            && r.Type == instance.Resource.Type
            && r.Name == instance.Resource.Name
            && (!filter.HasKey || filter.Key == instance.Key);
    }

    private static bool ModuleMatches(ModuleInstance pattern, ModuleInstance module, bool prefix)
    {
        if (prefix ? module.Steps.Count < pattern.Steps.Count : module.Steps.Count != pattern.Steps.Count)
            return false;
        for (var i = 0; i < pattern.Steps.Count; i++)
        {
            var p = pattern.Steps[i];
            var m = module.Steps[i];
            if (p.Name != m.Name || (!p.Key.IsNone && p.Key != m.Key))
                return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="module"/> is <paramref name="ancestor"/> or inside it (keys compared exactly).</summary>
    public static bool IsWithin(ModuleInstance module, ModuleInstance ancestor)
    {
        if (module.Steps.Count < ancestor.Steps.Count)
            return false;
        for (var i = 0; i < ancestor.Steps.Count; i++)
        {
            if (module.Steps[i] != ancestor.Steps[i])
                return false;
        }
        return true;
    }
}
