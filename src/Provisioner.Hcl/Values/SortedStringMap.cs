using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Provisioner.Hcl.Values;

/// <summary>
/// An immutable string-keyed dictionary kept in <see cref="HclKeyComparer"/> order: iteration is sorted
/// like cty's, lookups are binary searches, and it costs two arrays.
/// </summary>
public sealed class SortedStringMap<T> : IReadOnlyDictionary<string, T>
{
    private readonly string[] _keys;
    private readonly T[] _values;

    public static SortedStringMap<T> Empty { get; } = new([], []);

    private SortedStringMap(string[] keys, T[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>Builds a map; a later duplicate key replaces an earlier one.</summary>
    public static SortedStringMap<T> Create(IEnumerable<KeyValuePair<string, T>> items)
    {
        if (items is SortedStringMap<T> m)
        {
            return m;
        }

        var list = items as IReadOnlyList<KeyValuePair<string, T>> ?? items.ToList();
        if (list.Count == 0)
        {
            return Empty;
        }

        var keys = new string[list.Count];
        var values = new T[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            keys[i] = list[i].Key;
            values[i] = list[i].Value;
        }

        bool sorted = true;
        for (int i = 1; i < keys.Length && sorted; i++)
        {
            sorted = HclKeyComparer.Instance.Compare(keys[i - 1], keys[i]) < 0;
        }

        if (sorted)
        {
            return new SortedStringMap<T>(keys, values);
        }

        return FromUnsortedOwned(keys, values);
    }

    /// <summary>
    /// Builds from keys in any order, taking ownership of the arrays (internal: callers must not use them
    /// afterwards); a later duplicate key wins.
    /// </summary>
    internal static SortedStringMap<T> FromUnsortedOwned(string[] keys, T[] values)
    {
        if (keys.Length > 16)
        {
            return FromUnsorted(keys, values);
        }

        // Small maps (attributes of one object): a stable insertion sort in place, then the last of equal keys kept.
        var cmp = HclKeyComparer.Instance;
        for (int i = 1; i < keys.Length; i++)
        {
            var k = keys[i];
            var v = values[i];
            int j = i - 1;
            while (j >= 0 && cmp.Compare(keys[j], k) > 0)
            {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }

            keys[j + 1] = k;
            values[j + 1] = v;
        }

        int m = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (m > 0 && string.Equals(keys[m - 1], keys[i], StringComparison.Ordinal))
            {
                values[m - 1] = values[i];
            }
            else
            {
                keys[m] = keys[i];
                values[m] = values[i];
                m++;
            }
        }

        if (m < keys.Length)
        {
            Array.Resize(ref keys, m);
            Array.Resize(ref values, m);
        }

        return new SortedStringMap<T>(keys, values);
    }

    /// <summary>Builds from keys in any order (internal: the arrays are not kept); a later duplicate key wins.</summary>
    internal static SortedStringMap<T> FromUnsorted(string[] keys, T[] values)
    {
        // Without repeated keys (the usual case) sorting copies of the two arrays gives the map.
        var sortedKeys = (string[])keys.Clone();
        var sortedValues = (T[])values.Clone();
        Array.Sort(sortedKeys, sortedValues, HclKeyComparer.Instance);
        bool unique = true;
        for (int i = 1; i < sortedKeys.Length && unique; i++)
        {
            unique = !string.Equals(sortedKeys[i - 1], sortedKeys[i], StringComparison.Ordinal);
        }

        if (unique)
        {
            return new SortedStringMap<T>(sortedKeys, sortedValues);
        }

        // Stable sort keeps insertion order among duplicates; we then keep the last one.
        var idx = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(idx, (a, b) =>
        {
            int c = HclKeyComparer.Instance.Compare(keys[a], keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var outKeys = new List<string>(keys.Length);
        var outValues = new List<T>(keys.Length);
        foreach (var i in idx)
        {
            if (outKeys.Count > 0 && string.Equals(outKeys[^1], keys[i], StringComparison.Ordinal))
            {
                outValues[^1] = values[i];
            }
            else
            {
                outKeys.Add(keys[i]);
                outValues.Add(values[i]);
            }
        }

        return new SortedStringMap<T>([.. outKeys], [.. outValues]);
    }

    /// <summary>Builds from keys already sorted and unique (internal fast path).</summary>
    internal static SortedStringMap<T> FromSorted(string[] keys, T[] values) =>
        keys.Length == 0 ? Empty : new SortedStringMap<T>(keys, values);

    public int Count => _keys.Length;

    /// <summary>The keys array itself (internal: callers must not modify it).</summary>
    internal string[] KeyArray => _keys;

    /// <summary>The values array itself (internal: callers must not modify it).</summary>
    internal T[] ValueArray => _values;

    public IReadOnlyList<string> KeyList => _keys;

    public IReadOnlyList<T> ValueList => _values;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<T> Values => _values;

    public T this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public int IndexOf(string key) => Array.BinarySearch(_keys, key, HclKeyComparer.Instance);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            value = _values[i];
            return true;
        }

        value = default;
        return false;
    }

    public SortedStringMap<TOut> Select<TOut>(Func<string, T, TOut> f)
    {
        var vals = new TOut[_keys.Length];
        for (int i = 0; i < _keys.Length; i++)
        {
            vals[i] = f(_keys[i], _values[i]);
        }

        return SortedStringMap<TOut>.FromSorted(_keys, vals);
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, T>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
