namespace Provisioner.Hcl.Evaluation;

/// <summary>HCL's "Did you mean ...?" helper: the closest candidate within edit distance 2, if any.</summary>
public static class NameSuggestion
{
    /// <summary>The best suggestion for <paramref name="given"/> among <paramref name="candidates"/>, or an empty string.</summary>
    public static string Find(string given, IEnumerable<string> candidates)
    {
        var best = "";
        var bestDist = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(given, c);
            if (d < 3 && (d < bestDist || (d == bestDist && string.CompareOrdinal(c, best) < 0)))
            {
                best = c;
                bestDist = d;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance over UTF-16 code units (names are almost always ASCII).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0)
            return b.Length;
        if (b.Length == 0)
            return a.Length;
        if (Math.Abs(a.Length - b.Length) > 3)
            return Math.Abs(a.Length - b.Length);
        Span<int> prev = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> cur = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            var tmp = prev;
            prev = cur;
            cur = tmp;
        }

        return prev[b.Length];
    }
}
