using Provisioner.Hcl.Values;
using Xunit;

namespace Provisioner.Sdk.TestKit;

/// <summary>Value comparisons for provider tests.</summary>
public static class ValueAssert
{
    /// <summary>Every known part of <paramref name="planned"/> equals the same part of <paramref name="actual"/>, and
    /// <paramref name="actual"/> is wholly known (marks are ignored).</summary>
    public static void KnownValuesMatch(HclValue planned, HclValue actual, string path = "")
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(actual);
        var p = planned.UnmarkDeep().Value;
        var a = actual.UnmarkDeep().Value;
        Assert.True(a.IsWhollyKnown, $"{Describe(path)}: the applied value must be wholly known, got {a}");
        Walk(p, a, path);
    }

    /// <summary>The two values are equal, ignoring marks.</summary>
    public static void Same(HclValue expected, HclValue actual, string because = "")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var e = expected.UnmarkDeep().Value;
        var a = actual.UnmarkDeep().Value;
        Assert.True(e.RawEquals(a), $"{because}\nexpected: {e}\nactual:   {a}");
    }

    private static void Walk(HclValue p, HclValue a, string path)
    {
        if (!p.IsKnown)
            return;
        if (p.IsNull || a.IsNull || p.Type.IsPrimitive)
        {
            Assert.True(p.RawEquals(a), $"{Describe(path)}: planned {p}, applied {a}");
            return;
        }
        if (p.Type.IsObject)
        {
            foreach (var (name, pv) in p.Attributes)
            {
                Assert.True(a.Type.HasAttribute(name), $"{Describe(path)}: applied value has no attribute {name}");
                Walk(pv, a.GetAttribute(name), path.Length == 0 ? name : $"{path}.{name}");
            }
            return;
        }
        if (p.Type.IsMap)
        {
            Assert.Equal(p.Attributes.Keys.Order(StringComparer.Ordinal), a.Attributes.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, pv) in p.Attributes)
            {
                a.TryGetAttribute(key, out var av);
                Walk(pv, av, $"{path}[\"{key}\"]");
            }
            return;
        }
        if (p.Type.IsList || p.Type.IsTuple)
        {
            Assert.Equal(p.Elements.Count, a.Elements.Count);
            for (var i = 0; i < p.Elements.Count; i++)
                Walk(p.Elements[i], a.Elements[i], $"{path}[{i}]");
            return;
        }
        // Sets: elements have no identity; a set with unknowns can only be compared by size.
        if (p.IsWhollyKnown)
            Assert.True(p.RawEquals(a), $"{Describe(path)}: planned {p}, applied {a}");
        else
            Assert.Equal(p.Elements.Count, a.Elements.Count);
    }

    private static string Describe(string path) => path.Length == 0 ? "the object" : path;
}
