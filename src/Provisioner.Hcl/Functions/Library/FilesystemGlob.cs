using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// Globbing for <c>fileset</c>, with the pattern language of the <c>doublestar</c> package Terraform uses:
/// <c>*</c> (within a path segment), <c>**</c> (any number of directories), <c>?</c>, <c>[class]</c> with
/// <c>^</c>/<c>!</c> negation and ranges, <c>{alt1,alt2}</c> (nestable) and <c>\</c> escapes.
/// </summary>
internal static class FilesystemGlob
{
    /// <summary>All regular files matching the absolute, cleaned <paramref name="pattern"/>; false on a syntax error.</summary>
    public static bool TryGlob(string pattern, out SortedSet<string> files)
    {
        files = new SortedSet<string>(StringComparer.Ordinal);
        if (!TryExpandBraces(pattern, out var patterns))
        {
            return false;
        }

        foreach (var p in patterns)
        {
            var segments = p.Split('/');
            foreach (var seg in segments)
            {
                if (!IsValidSegment(seg))
                {
                    return false;
                }
            }

            bool rooted = p.StartsWith('/');
            var parts = segments.Where(s => s.Length > 0).ToList();

            // The literal leading directories are where the walk starts.
            int firstMeta = parts.FindIndex(HasMeta);
            if (firstMeta < 0)
            {
                var literal = (rooted ? "/" : "") + string.Join('/', parts.Select(Unescape));
                if (File.Exists(literal) && !Directory.Exists(literal))
                {
                    files.Add(literal);
                }

                continue;
            }

            var baseDir = (rooted ? "/" : "") + string.Join('/', parts.Take(firstMeta).Select(Unescape));
            if (baseDir.Length == 0)
            {
                baseDir = ".";
            }

            if (Directory.Exists(baseDir))
            {
                Walk(baseDir, parts, firstMeta, files);
            }
        }

        return true;
    }

    private static bool HasMeta(string segment) => segment.IndexOfAny(['*', '?', '[', '\\']) >= 0;

    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    private static string Child(string dir, string name) => dir == "/" ? "/" + name : dir + "/" + name;

    private static IEnumerable<(string Name, string Path, bool IsDir)> Entries(string dir)
    {
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).OfType<string>().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var name in names)
        {
            var path = Child(dir, name);
            yield return (name, path, Directory.Exists(path));
        }
    }

    private static void Walk(string dir, List<string> parts, int index, SortedSet<string> files)
    {
        var seg = parts[index];
        bool last = index == parts.Count - 1;
        if (seg == "**")
        {
            if (last)
            {
                AddAllBelow(dir, files);
                return;
            }

            // Zero directories...
            Walk(dir, parts, index + 1, files);

            // ...or one more, keeping the "**".
            foreach (var (_, path, isDir) in Entries(dir))
            {
                if (isDir)
                {
                    Walk(path, parts, index, files);
                }
            }

            return;
        }

        foreach (var (name, path, isDir) in Entries(dir))
        {
            if (!Match(seg, 0, name, 0))
            {
                continue;
            }

            if (last)
            {
                if (!isDir)
                {
                    files.Add(path);
                }
            }
            else if (isDir)
            {
                Walk(path, parts, index + 1, files);
            }
        }
    }

    private static void AddAllBelow(string dir, SortedSet<string> files)
    {
        foreach (var (_, path, isDir) in Entries(dir))
        {
            if (isDir)
            {
                AddAllBelow(path, files);
            }
            else
            {
                files.Add(path);
            }
        }
    }

    /// <summary>Checks brackets and escapes of one segment.</summary>
    private static bool IsValidSegment(string seg)
    {
        for (int i = 0; i < seg.Length; i++)
        {
            char c = seg[i];
            if (c == '\\')
            {
                if (i + 1 >= seg.Length)
                {
                    return false;
                }

                i++;
            }
            else if (c == '[')
            {
                int end = ClassEnd(seg, i);
                if (end < 0)
                {
                    return false;
                }

                i = end;
            }
        }

        return true;
    }

    /// <summary>Index of the <c>]</c> closing the class opened at <paramref name="open"/>, or -1.</summary>
    private static int ClassEnd(string p, int open)
    {
        int i = open + 1;
        if (i < p.Length && (p[i] == '^' || p[i] == '!'))
        {
            i++;
        }

        bool first = true;
        for (; i < p.Length; i++)
        {
            if (p[i] == '\\')
            {
                i++;
                first = false;
                continue;
            }

            if (p[i] == ']' && !first)
            {
                return i;
            }

            first = false;
        }

        return -1;
    }

    /// <summary>Matches one path segment against one name (no separators involved).</summary>
    private static bool Match(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            switch (c)
            {
                case '*':
                    while (pi < p.Length && p[pi] == '*')
                    {
                        pi++;
                    }

                    if (pi == p.Length)
                    {
                        return true;
                    }

                    for (int k = si; k <= s.Length; k++)
                    {
                        if (Match(p, pi, s, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (si >= s.Length)
                    {
                        return false;
                    }

                    si += char.IsHighSurrogate(s[si]) && si + 1 < s.Length ? 2 : 1;
                    pi++;
                    break;
                case '[':
                {
                    if (si >= s.Length)
                    {
                        return false;
                    }

                    int end = ClassEnd(p, pi);
                    if (!MatchClass(p, pi + 1, end, s[si]))
                    {
                        return false;
                    }

                    si++;
                    pi = end + 1;
                    break;
                }

                case '\\':
                    pi++;
                    if (si >= s.Length || s[si] != p[pi])
                    {
                        return false;
                    }

                    si++;
                    pi++;
                    break;
                default:
                    if (si >= s.Length || s[si] != c)
                    {
                        return false;
                    }

                    si++;
                    pi++;
                    break;
            }
        }

        return si == s.Length;
    }

    private static bool MatchClass(string p, int start, int end, char ch)
    {
        bool negate = false;
        if (p[start] == '^' || p[start] == '!')
        {
            negate = true;
            start++;
        }

        bool matched = false;
        for (int i = start; i < end; i++)
        {
            char lo = p[i];
            if (lo == '\\')
            {
                lo = p[++i];
            }

            char hi = lo;
            if (i + 2 < end && p[i + 1] == '-')
            {
                hi = p[i + 2];
                if (hi == '\\')
                {
                    hi = p[i + 3];
                    i++;
                }

                i += 2;
            }

            if (ch >= lo && ch <= hi)
            {
                matched = true;
            }
        }

        return matched != negate;
    }

    /// <summary>Expands <c>{a,b}</c> alternatives (nested too) into plain patterns; false when braces do not balance.</summary>
    internal static bool TryExpandBraces(string pattern, out List<string> results)
    {
        results = [];
        int open = -1;
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
                continue;
            }

            if (pattern[i] == '{')
            {
                open = i;
                break;
            }

            if (pattern[i] == '}')
            {
                return false;
            }
        }

        if (open < 0)
        {
            results.Add(pattern);
            return true;
        }

        // Find the matching close brace and the top-level commas.
        int depth = 0;
        int close = -1;
        var commas = new List<int>();
        for (int i = open; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
                if (depth == 0)
                {
                    close = i;
                    break;
                }
            }
            else if (c == ',' && depth == 1)
            {
                commas.Add(i);
            }
        }

        if (close < 0)
        {
            return false;
        }

        var prefix = pattern[..open];
        var suffix = pattern[(close + 1)..];
        int from = open + 1;
        foreach (var end in commas.Append(close))
        {
            var alt = pattern[from..end];
            from = end + 1;
            if (!TryExpandBraces(prefix + alt + suffix, out var expanded))
            {
                return false;
            }

            results.AddRange(expanded);
        }

        return true;
    }
}
