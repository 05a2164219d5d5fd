using Provisioner.Hcl.Syntax;

namespace Provisioner.Config.Decoding;

/// <summary>
/// Shape checks for configuration addresses: <c>[module.NAME[KEY]...](data.)TYPE.NAME[KEY]</c> or
/// <c>module.NAME[KEY](.module.NAME[KEY])*</c>.
/// </summary>
internal static class StaticAddress
{
    public static (StaticAddressKind Kind, bool HasKeys) Classify(Traversal t)
    {
        var parts = new List<TraversalStep>(t.Steps.Count + 1) { t.Root };
        parts.AddRange(t.Steps);
        var i = 0;
        var hasKeys = false;
        var sawModule = false;
        while (i < parts.Count && Name(parts[i]) == "module")
        {
            if (i + 1 >= parts.Count || Name(parts[i + 1]) is null)
                return (StaticAddressKind.Invalid, hasKeys);
            i += 2;
            sawModule = true;
            if (i < parts.Count && parts[i] is TraverseIndex)
            {
                hasKeys = true;
                i++;
            }
        }
        if (i == parts.Count)
            return (sawModule ? StaticAddressKind.Module : StaticAddressKind.Invalid, hasKeys);
        var kind = StaticAddressKind.ManagedResource;
        if (Name(parts[i]) == "data")
        {
            kind = StaticAddressKind.DataResource;
            i++;
        }
        if (i + 1 >= parts.Count || Name(parts[i]) is null || Name(parts[i + 1]) is null)
            return (StaticAddressKind.Invalid, hasKeys);
        i += 2;
        if (i < parts.Count && parts[i] is TraverseIndex)
        {
            hasKeys = true;
            i++;
        }
        return (i == parts.Count ? kind : StaticAddressKind.Invalid, hasKeys);
    }

    private static string? Name(TraversalStep step) => step switch
    {
        TraverseRoot r => r.Name,
        TraverseAttr a => a.Name,
        _ => null,
    };
}
