using Provisioner.Hcl.Values;

namespace Provisioner.Providers.Cluster;

/// <summary>Reading attributes out of (possibly partial, unknown or marked) object values.</summary>
internal static class ClusterValues
{
    /// <summary>The attribute, unmarked; a null value when the object is null, unknown or lacks it.</summary>
    public static HclValue Get(HclValue obj, string name)
    {
        obj = obj.UnmarkDeep().Value;
        if (obj.IsNull || !obj.IsKnown || !obj.Type.IsObject || !obj.Type.HasAttribute(name))
            return HclValue.Null;
        return obj.GetAttribute(name);
    }

    /// <summary>The attribute as a string; null when null, unknown or absent.</summary>
    public static string? Str(HclValue obj, string name)
    {
        var v = Get(obj, name);
        return v.IsKnownNotNull && v.Type.IsString ? v.AsString() : null;
    }

    public static long? Long(HclValue obj, string name)
    {
        var v = Get(obj, name);
        return v.IsKnownNotNull && v.Type.IsNumber && v.AsNumber().TryToLong(out var l) ? l : null;
    }

    public static bool? Bool(HclValue obj, string name)
    {
        var v = Get(obj, name);
        return v.IsKnownNotNull && v.Type.IsBool ? v.AsBool() : null;
    }

    /// <summary>The attribute is present and not wholly known.</summary>
    public static bool IsUnknown(HclValue obj, string name)
    {
        obj = obj.UnmarkDeep().Value;
        if (!obj.IsKnown)
            return true;
        return !obj.IsNull && obj.Type.IsObject && obj.Type.HasAttribute(name) && !obj.GetAttribute(name).IsWhollyKnown;
    }

    /// <summary>A list or set of strings (known elements only).</summary>
    public static IReadOnlyList<string> Strings(HclValue obj, string name)
    {
        var v = Get(obj, name);
        if (!v.IsKnownNotNull || !v.Type.IsSequence)
            return [];
        return [.. v.Elements.Where(e => e.IsKnownNotNull && e.Type.IsString).Select(e => e.AsString())];
    }

    /// <summary>The object with some top-level attributes replaced.</summary>
    public static HclValue With(HclValue obj, params (string Name, HclValue Value)[] changes)
    {
        var attrs = obj.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
            attrs[name] = value;
        return HclValue.Object(attrs);
    }

    public static HclValue StringOrNull(string? s) => s is null ? HclValue.NullOf(HclType.String) : HclValue.String(s);

    public static HclValue StringList(IEnumerable<string> items) => HclValue.ListOf(HclType.String, items.Select(HclValue.String));
}
