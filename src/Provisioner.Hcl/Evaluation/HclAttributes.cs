using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Provisioner.Hcl;

/// <summary>Attributes by name; enumeration is in source order (HCL uses an unordered map).</summary>
public sealed class HclAttributes : IReadOnlyDictionary<string, HclAttribute>
{
    private readonly List<HclAttribute> _ordered = [];
    private readonly Dictionary<string, HclAttribute> _byName = new(StringComparer.Ordinal);

    public static HclAttributes Empty { get; } = new();

    /// <summary>Adds an attribute (a later one with the same name replaces the earlier one).</summary>
    internal void Add(HclAttribute attribute)
    {
        if (_byName.TryGetValue(attribute.Name, out var old))
            _ordered.Remove(old);
        _byName[attribute.Name] = attribute;
        _ordered.Add(attribute);
    }

    /// <summary>Creates a collection from attributes (later duplicates replace earlier ones).</summary>
    public static HclAttributes From(IEnumerable<HclAttribute> attributes)
    {
        var r = new HclAttributes();
        foreach (var a in attributes)
            r.Add(a);
        return r;
    }

    /// <summary>The attributes in source order.</summary>
    public IReadOnlyList<HclAttribute> InOrder => _ordered;

    public HclAttribute this[string key] => _byName[key];

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var a in _ordered)
                yield return a.Name;
        }
    }

    public IEnumerable<HclAttribute> Values => _ordered;

    public int Count => _ordered.Count;

    public bool ContainsKey(string key) => _byName.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HclAttribute value) => _byName.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, HclAttribute>> GetEnumerator()
    {
        foreach (var a in _ordered)
            yield return new KeyValuePair<string, HclAttribute>(a.Name, a);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
