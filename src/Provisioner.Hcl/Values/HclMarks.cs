using System.Collections;

namespace Provisioner.Hcl.Values;

/// <summary>
/// A small immutable set of value marks (for example <c>sensitive</c>). Marks ride along on values and are
/// unioned into anything computed from them, so sensitivity can never be lost by an operation.
/// </summary>
public readonly struct HclMarks : IEquatable<HclMarks>, IReadOnlyCollection<string>
{
    /// <summary>Terraform's sensitive mark.</summary>
    public const string Sensitive = "sensitive";

    /// <summary>Terraform's ephemeral mark.</summary>
    public const string Ephemeral = "ephemeral";

    private readonly string[]? _items; // sorted ordinal, unique; null = empty

    private HclMarks(string[]? items) => _items = items is { Length: > 0 } ? items : null;

    public static HclMarks None => default;

    public static HclMarks SensitiveOnly { get; } = Of(Sensitive);

    public static HclMarks Of(params string[] marks) => Of((IEnumerable<string>)marks);

    public static HclMarks Of(IEnumerable<string> marks)
    {
        var arr = marks.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(arr, StringComparer.Ordinal);
        return new HclMarks(arr);
    }

    public bool IsEmpty => _items is null;

    public int Count => _items?.Length ?? 0;

    public bool Contains(string mark) => _items is not null && Array.BinarySearch(_items, mark, StringComparer.Ordinal) >= 0;

    public HclMarks Union(HclMarks other)
    {
        if (other._items is null)
        {
            return this;
        }

        if (_items is null)
        {
            return other;
        }

        if (Equals(other))
        {
            return this;
        }

        return Of(_items.Concat(other._items));
    }

    public HclMarks Add(string mark) => Contains(mark) ? this : Union(Of(mark));

    public HclMarks Remove(string mark) => Contains(mark) ? new HclMarks(_items!.Where(m => m != mark).ToArray()) : this;

    public bool Equals(HclMarks other)
    {
        if (_items is null || other._items is null)
        {
            return _items is null && other._items is null;
        }

        return _items.AsSpan().SequenceEqual(other._items);
    }

    public override bool Equals(object? obj) => obj is HclMarks m && Equals(m);

    public override int GetHashCode()
    {
        var h = default(HashCode);
        foreach (var s in this)
        {
            h.Add(s, StringComparer.Ordinal);
        }

        return h.ToHashCode();
    }

    public static bool operator ==(HclMarks a, HclMarks b) => a.Equals(b);

    public static bool operator !=(HclMarks a, HclMarks b) => !a.Equals(b);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "{" + string.Join(", ", this) + "}";
}
