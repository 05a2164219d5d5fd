namespace Provisioner.Engine.Addresses;

/// <summary>
/// Orders instance keys as people count them: ints numerically, and strings ending in digits by the text before the
/// digits, then by their number (<c>workers-2</c> before <c>workers-10</c>); other strings ordinally.
/// </summary>
/// <remarks>Plans list instances in <see cref="InstanceKey.CompareTo"/> order (ordinal); the executor starts ready
/// steps in this order, so a pool's machines are created workers-1, workers-2, ... and the first batches of a serial
/// chain find their machines first.</remarks>
internal sealed class NaturalKeyComparer : IComparer<InstanceKey>
{
    public static NaturalKeyComparer Instance { get; } = new();

    public int Compare(InstanceKey x, InstanceKey y)
    {
        if (x.Kind != y.Kind || x.Kind != InstanceKeyKind.String)
            return x.CompareTo(y);
        var a = x.Text!;
        var b = y.Text!;
        var (pa, da) = Split(a);
        var (pb, db) = Split(b);
        var c = a.AsSpan(0, pa).SequenceCompareTo(b.AsSpan(0, pb));
        if (c != 0)
            return c;
        if (da == 0 || db == 0)
            return da.CompareTo(db); // no number sorts first
        // Same prefix, both end in digits: compare the numbers (without leading zeros) by length, then digit by digit.
        var na = a.AsSpan(pa).TrimStart('0');
        var nb = b.AsSpan(pb).TrimStart('0');
        if (na.Length != nb.Length)
            return na.Length.CompareTo(nb.Length);
        c = na.SequenceCompareTo(nb);
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }

    /// <summary>The length of the text before the trailing digits, and the number of trailing digits.</summary>
    private static (int Prefix, int Digits) Split(string s)
    {
        var i = s.Length;
        while (i > 0 && char.IsAsciiDigit(s[i - 1]))
            i--;
        return (i, s.Length - i);
    }
}
