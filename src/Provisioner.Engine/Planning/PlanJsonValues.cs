using System.Text.Json;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

/// <summary>
/// Values as the plan JSON shows them: plain JSON with unknown values left out (null inside arrays, so positions
/// still line up with <c>after_unknown</c>) and sensitive values replaced by null, plus the two masks
/// (<c>*_unknown</c>, <c>*_sensitive</c>) shaped as Terraform's <c>unknownAsBool</c> / <c>SensitiveAsBool</c>.
/// </summary>
internal static class PlanJsonValues
{
    /// <summary>Writes the value with unknowns omitted and sensitive values as null.</summary>
    public static void WriteValue(Utf8JsonWriter w, HclValue v)
    {
        if (v.IsSensitive || !v.IsKnown || v.IsNull)
        {
            w.WriteNullValue();
            return;
        }
        switch (v.Type.Kind)
        {
            case HclTypeKind.String:
                w.WriteStringValue(v.AsString());
                return;
            case HclTypeKind.Bool:
                w.WriteBooleanValue(v.AsBool());
                return;
            case HclTypeKind.Number:
                var n = v.AsNumber();
                if (n.IsInfinity)
                    w.WriteNullValue();
                else
                    w.WriteRawValue(n.ToString());
                return;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
                w.WriteStartArray();
                foreach (var e in v.Elements)
                    WriteValue(w, e);
                w.WriteEndArray();
                return;
            case HclTypeKind.Map:
            case HclTypeKind.Object:
                w.WriteStartObject();
                foreach (var (k, e) in v.Attributes)
                {
                    if (!e.IsKnown)
                        continue;
                    w.WritePropertyName(k);
                    WriteValue(w, e);
                }
                w.WriteEndObject();
                return;
            default:
                w.WriteNullValue();
                return;
        }
    }

    /// <summary>Terraform's <c>after_unknown</c>: true where unknown, objects drop false entries, arrays keep them.</summary>
    public static void WriteUnknownMask(Utf8JsonWriter w, HclValue v) => WriteMask(w, v, static x => !x.IsKnown);

    /// <summary>Terraform's <c>*_sensitive</c>: true where marked sensitive, objects drop false entries, arrays keep them.</summary>
    public static void WriteSensitiveMask(Utf8JsonWriter w, HclValue v) => WriteMask(w, v, static x => x.IsSensitive);

    /// <summary>True when the mask of <paramref name="v"/> is the bare <c>false</c>, which objects leave out.</summary>
    private static bool IsFalse(HclValue v, Func<HclValue, bool> flagged) =>
        !flagged(v) && (v.IsNull || !v.IsKnown || v.Type.IsPrimitive || v.Type.IsDynamic);

    private static void WriteMask(Utf8JsonWriter w, HclValue v, Func<HclValue, bool> flagged)
    {
        if (flagged(v))
        {
            w.WriteBooleanValue(true);
            return;
        }
        if (IsFalse(v, flagged))
        {
            w.WriteBooleanValue(false);
            return;
        }
        if (v.Type.IsSequence)
        {
            w.WriteStartArray();
            foreach (var e in v.Elements)
                WriteMask(w, e, flagged);
            w.WriteEndArray();
            return;
        }
        w.WriteStartObject();
        foreach (var (k, e) in v.Attributes)
        {
            if (IsFalse(e, flagged))
                continue;
            w.WritePropertyName(k);
            WriteMask(w, e, flagged);
        }
        w.WriteEndObject();
    }

    /// <summary>The identity fields every resource entry of the plan JSON starts with (<c>address</c> ... <c>index</c>).</summary>
    public static void WriteResourceIdentity(Utf8JsonWriter w, ResourceInstanceChange c, bool withModule)
    {
        var r = c.Address.Resource;
        w.WriteString("address", c.Address.ToString());
        if (withModule && !r.Module.IsRoot)
            w.WriteString("module_address", r.Module.ToString());
        w.WriteString("mode", r.Mode == ResourceMode.Data ? "data" : "managed");
        w.WriteString("type", r.Type);
        w.WriteString("name", r.Name);
        switch (c.Address.Key.Kind)
        {
            case InstanceKeyKind.Int:
                w.WriteNumber("index", c.Address.Key.Number);
                break;
            case InstanceKeyKind.String:
                w.WriteString("index", c.Address.Key.Text);
                break;
        }
    }
}
