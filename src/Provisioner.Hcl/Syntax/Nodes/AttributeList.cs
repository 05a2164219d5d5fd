using System.Collections;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// The attributes of a body with many of them: the array plus a by-name index built on the first lookup
/// (<see cref="Body.GetAttribute"/>). Small bodies keep a plain array and are searched linearly.
/// </summary>
internal sealed class AttributeList : IReadOnlyList<Attribute>
{
    /// <summary>Bodies with at least this many attributes get an index.</summary>
    internal const int IndexedFrom = 8;

    private readonly Attribute[] _items;
    private Dictionary<string, Attribute>? _byName;

    internal AttributeList(Attribute[] items) => _items = items;

    public int Count => _items.Length;

    public Attribute this[int index] => _items[index];

    public Attribute? Find(string name)
    {
        var byName = _byName;
        if (byName == null)
        {
            byName = new Dictionary<string, Attribute>(_items.Length, StringComparer.Ordinal);
            foreach (var a in _items)
                byName.TryAdd(a.Name, a);
            _byName = byName;
        }
        return byName.GetValueOrDefault(name);
    }

    public IEnumerator<Attribute> GetEnumerator() => ((IEnumerable<Attribute>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
