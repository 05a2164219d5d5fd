using System.Globalization;

namespace Provisioner.Engine.Addresses;

/// <summary>
/// The key of one instance of a resource or module: none (a single instance), an integer (<c>count</c>) or a string
/// (<c>for_each</c>).
/// </summary>
public readonly record struct InstanceKey : IComparable<InstanceKey>
{
    private InstanceKey(InstanceKeyKind kind, long number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public static InstanceKey None => default;

    public InstanceKeyKind Kind { get; }

    public long Number { get; }

    public string? Text { get; }

    public static InstanceKey Int(long index) => new(InstanceKeyKind.Int, index, null);

    public static InstanceKey String(string key) => new(InstanceKeyKind.String, 0, key);

    public bool IsNone => Kind == InstanceKeyKind.None;

    /// <summary><c>[0]</c>, <c>["key"]</c>, or empty for <see cref="None"/>.</summary>
    public override string ToString() => Kind switch
    {
        InstanceKeyKind.Int => "[" + Number.ToString(CultureInfo.InvariantCulture) + "]",
        InstanceKeyKind.String => "[" + Quote(Text!) + "]",
        _ => "",
    };

    /// <summary>Ints before strings; ints numerically, strings ordinally (the order plans list instances in).</summary>
    public int CompareTo(InstanceKey other)
    {
        if (Kind != other.Kind)
            return Kind.CompareTo(other.Kind);
        return Kind switch
        {
            InstanceKeyKind.Int => Number.CompareTo(other.Number),
            InstanceKeyKind.String => string.CompareOrdinal(Text, other.Text),
            _ => 0,
        };
    }

    /// <summary>An HCL string literal, escaped as the address parser reads it back.</summary>
    internal static string Quote(string s) => Provisioner.Hcl.Values.HclValue.String(s).ToString();
}
