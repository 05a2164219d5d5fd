using System.Globalization;

namespace Provisioner.Config;

/// <summary>A Terraform-style version constraint (<c>"&gt;= 1.2, &lt; 2.0"</c>, <c>"~&gt; 1.4"</c>).</summary>
public sealed class VersionConstraint
{
    private readonly (string Op, int[] Version, int Parts)[] _terms;

    private VersionConstraint((string, int[], int)[] terms, string text)
    {
        _terms = terms;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses a constraint; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out VersionConstraint? constraint, out string error)
    {
        constraint = null;
        error = "";
        var terms = new List<(string, int[], int)>();
        foreach (var raw in text.Split(','))
        {
            var s = raw.Trim();
            var op = "=";
            foreach (var candidate in new[] { ">=", "<=", "!=", "~>", ">", "<", "=" })
            {
                if (s.StartsWith(candidate, StringComparison.Ordinal))
                {
                    op = candidate;
                    s = s[candidate.Length..].Trim();
                    break;
                }
            }
            if (s.StartsWith('v'))
                s = s[1..];
            var dash = s.IndexOf('-', StringComparison.Ordinal);
            if (dash >= 0)
                s = s[..dash];
            var parts = s.Split('.');
            if (s.Length == 0 || parts.Length > 3)
            {
                error = $"The version constraint \"{text}\" is not valid: \"{raw.Trim()}\" is not a version.";
                return false;
            }
            var nums = new int[3];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out nums[i]))
                {
                    error = $"The version constraint \"{text}\" is not valid: \"{raw.Trim()}\" is not a version.";
                    return false;
                }
            }
            terms.Add((op, nums, parts.Length));
        }
        constraint = new VersionConstraint([.. terms], text);
        return true;
    }

    /// <summary>True when <paramref name="version"/> (<c>MAJOR.MINOR.PATCH</c>) satisfies every term.</summary>
    public bool IsSatisfiedBy(string version)
    {
        if (!TryParse(version, out var v, out _) || v!._terms.Length != 1)
            return false;
        var have = v._terms[0].Version;
        foreach (var (op, want, parts) in _terms)
        {
            var cmp = Compare(have, want);
            var ok = op switch
            {
                "=" => cmp == 0,
                "!=" => cmp != 0,
                ">" => cmp > 0,
                ">=" => cmp >= 0,
                "<" => cmp < 0,
                "<=" => cmp <= 0,
                _ => cmp >= 0 && Pessimistic(have, want, parts),
            };
            if (!ok)
                return false;
        }
        return true;
    }

    private static bool Pessimistic(int[] have, int[] want, int parts)
    {
        // ~> 1.4.2 allows 1.4.x; ~> 1.4 allows 1.x; ~> 1 allows 1.x.
        var fixedParts = Math.Max(1, parts - 1);
        for (var i = 0; i < fixedParts; i++)
        {
            if (have[i] != want[i])
                return false;
        }
        return true;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < 3; i++)
        {
            if (a[i] != b[i])
                return a[i].CompareTo(b[i]);
        }
        return 0;
    }

    public override string ToString() => Text;
}
