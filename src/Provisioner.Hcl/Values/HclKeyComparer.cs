namespace Provisioner.Hcl.Values;

/// <summary>
/// Orders strings by their UTF-8 bytes (Unicode code point order), as Go's <c>sort.Strings</c> does, so map,
/// object and set iteration order matches cty even for characters outside the Basic Multilingual Plane.
/// </summary>
public sealed class HclKeyComparer : IComparer<string>, IEqualityComparer<string>
{
    public static HclKeyComparer Instance { get; } = new();

    private HclKeyComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            char a = x[i];
            char b = y[i];
            if (a != b)
            {
                return Fix(a).CompareTo(Fix(b));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj);

    // UTF-16 order differs from code point order only between surrogates and U+E000..U+FFFF.
    private static int Fix(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
}
