using System.Globalization;
using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim;

/// <summary>Conversions between the cloud's objects and values of the resources' implied types.</summary>
internal static class SimValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The attribute as a string; null when null, unknown or absent.</summary>
    public static string? Str(HclValue obj, string name)
    {
        if (obj.IsNull || !obj.IsKnown || !obj.Type.HasAttribute(name))
            return null;
        var v = obj.GetAttribute(name).Unmark().Value;
        return v.IsKnownNotNull ? v.AsString() : null;
    }

    /// <summary>True when the attribute is present and unknown.</summary>
    public static bool IsUnknown(HclValue obj, string name) =>
        !obj.IsNull && obj.IsKnown && obj.Type.HasAttribute(name) && !obj.GetAttribute(name).IsWhollyKnown;

    public static bool IsNullAttr(HclValue obj, string name) =>
        obj.IsNull || !obj.Type.HasAttribute(name) || obj.GetAttribute(name).IsNull;

    public static Dictionary<string, string> Labels(HclValue obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj.IsNull || !obj.Type.HasAttribute("labels"))
            return result;
        var labels = obj.GetAttribute("labels").UnmarkDeep().Value;
        if (!labels.IsKnownNotNull)
            return result;
        foreach (var (k, v) in labels.Attributes)
        {
            if (v.IsKnownNotNull)
                result[k] = v.AsString();
        }
        return result;
    }

    public static MachineSpec MachineSpecOf(HclValue planned) => new(
        Str(planned, "name") ?? "",
        Str(planned, "image"),
        Str(planned, "size") ?? SimSchemas.DefaultSize,
        Str(planned, "zone") ?? SimSchemas.DefaultZone,
        Str(planned, "network_id"),
        Labels(planned));

    public static NetworkSpec NetworkSpecOf(HclValue planned) =>
        new(Str(planned, "name") ?? "", Str(planned, "cidr") ?? SimSchemas.DefaultCidr);

    /// <summary>The state value of a machine. The cloud does not tell an empty label map from none, so
    /// <paramref name="labelsNullWhenEmpty"/> keeps whichever the configuration wrote.</summary>
    public static HclValue MachineValue(SimMachine m, bool labelsNullWhenEmpty) => HclValue.Object(
        ("id", HclValue.String(m.Id)),
        ("name", HclValue.String(m.Name)),
        ("image", OptionalString(m.Image)),
        ("size", HclValue.String(m.Size)),
        ("network_id", OptionalString(m.NetworkId)),
        ("labels", m.Labels.Count == 0 && labelsNullWhenEmpty
            ? HclValue.NullOf(HclType.Map(HclType.String))
            : HclValue.MapOf(HclType.String, m.Labels.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, HclValue.String(kv.Value))))),
        ("zone", HclValue.String(m.Zone)),
        ("address", HclValue.String(m.Address)),
        ("created_at", HclValue.String(FormatTime(m.CreatedAt))));

    public static HclValue NetworkValue(SimNetwork n) => HclValue.Object(
        ("id", HclValue.String(n.Id)),
        ("name", HclValue.String(n.Name)),
        ("cidr", HclValue.String(n.Cidr)));

    public static HclValue ImageValue(string name, string id) => HclValue.Object(
        ("name", HclValue.String(name)),
        ("id", HclValue.String(id)));

    /// <summary>RFC 3339 in UTC with milliseconds: <c>2026-11-22T04:33:51.123Z</c>.</summary>
    public static string FormatTime(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : null;

    private static HclValue OptionalString(string? s) => s is null ? HclValue.NullOf(HclType.String) : HclValue.String(s);
}
