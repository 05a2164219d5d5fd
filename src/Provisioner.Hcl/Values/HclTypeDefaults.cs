using System.Globalization;

namespace Provisioner.Hcl.Values;

/// <summary>
/// Default values for <c>optional(T, default)</c> object attributes in a Terraform type constraint, as a tree
/// parallel to the type (Terraform <c>typeexpr.Defaults</c>). <see cref="Apply"/> fills missing or null
/// attributes before the value is converted to the constraint type.
/// </summary>
/// <remarks>
/// <see cref="Children"/> is keyed by attribute name for objects, by the element index ("0", "1", …) for
/// tuples, and by the empty string for the element type of lists, sets and maps.
/// </remarks>
public sealed class HclTypeDefaults
{
    public HclTypeDefaults(HclType type, IReadOnlyDictionary<string, HclValue>? defaultValues = null,
        IReadOnlyDictionary<string, HclTypeDefaults>? children = null)
    {
        Type = type;
        DefaultValues = defaultValues ?? new Dictionary<string, HclValue>();
        Children = children ?? new Dictionary<string, HclTypeDefaults>();
    }

    /// <summary>The type of the node these defaults apply to.</summary>
    public HclType Type { get; }

    /// <summary>Default values of optional attributes, by attribute name.</summary>
    public IReadOnlyDictionary<string, HclValue> DefaultValues { get; }

    /// <summary>Defaults for nested types (see the class remarks for keys).</summary>
    public IReadOnlyDictionary<string, HclTypeDefaults> Children { get; }

    /// <summary>
    /// Applies defaults throughout the value. Permissive: never fails; the following conversion reports type
    /// problems. Null and unknown values are left alone (only their null attributes are defaulted); marks are kept.
    /// </summary>
    public HclValue Apply(HclValue value)
    {
        if (!value.IsKnown || value.IsNull || (DefaultValues.Count == 0 && Children.Count == 0))
        {
            return value;
        }

        var (v, marks) = value.Unmark();
        var t = v.Type;
        HclValue result;
        if (t.IsList || t.IsSet || t.IsTuple)
        {
            var values = new List<HclValue>(v.Elements.Count);
            for (int i = 0; i < v.Elements.Count; i++)
            {
                var e = v.Elements[i];
                values.Add(ChildFor(i.ToString(CultureInfo.InvariantCulture)) is { } d ? d.Apply(e) : e);
            }

            result = Rebuild(t, values);
        }
        else if (t.IsObject || t.IsMap)
        {
            var values = new Dictionary<string, HclValue>(StringComparer.Ordinal);
            foreach (var (k, e) in v.Attributes)
            {
                values[k] = ChildFor(k) is { } d ? d.Apply(e) : e;
            }

            foreach (var (key, def) in DefaultValues)
            {
                if (!values.TryGetValue(key, out var existing) || existing.IsNull)
                {
                    values[key] = Children.TryGetValue(key, out var cd) ? cd.Apply(def) : def;
                }
            }

            if (t.IsMap)
            {
                if (values.Count == 0)
                {
                    result = HclValue.MapOf(t.ElementType);
                }
                else if (UnifyAll(values.Values.ToList()) is { } unified)
                {
                    result = HclValue.Map(values.Keys.Zip(unified, (k, e) => new KeyValuePair<string, HclValue>(k, e)));
                }
                else
                {
                    result = HclValue.Object(values);
                }
            }
            else
            {
                result = HclValue.Object(values);
            }
        }
        else
        {
            result = v;
        }

        return result.WithMarks(marks);
    }

    private HclTypeDefaults? ChildFor(string key)
    {
        if (Type.IsCollection)
        {
            return Children.TryGetValue("", out var d) ? d : null;
        }

        return Children.TryGetValue(key, out var c) ? c : null;
    }

    private static HclValue Rebuild(HclType original, List<HclValue> values)
    {
        if (original.IsTuple)
        {
            return HclValue.Tuple(values);
        }

        if (values.Count == 0)
        {
            return original.IsList ? HclValue.ListOf(original.ElementType) : HclValue.SetOf(original.ElementType);
        }

        if (UnifyAll(values) is { } unified)
        {
            return original.IsList ? HclValue.List(unified) : HclValue.Set(unified);
        }

        return HclValue.Tuple(values);
    }

    private static List<HclValue>? UnifyAll(List<HclValue> values)
    {
        var t = HclConvert.UnifyUnsafe(values.Select(v => v.Type));
        if (t is null)
        {
            return null;
        }

        var result = new List<HclValue>(values.Count);
        foreach (var v in values)
        {
            var r = HclConvert.Convert(v, t);
            if (!r.IsSuccess)
            {
                return null;
            }

            result.Add(r.Value);
        }

        return result;
    }
}
