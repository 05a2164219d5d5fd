using System.Text;

namespace Provisioner.Cli.Views;

/// <summary>A unified diff (<c>diff -u</c> format) of two texts, by lines, using Myers' O(ND) algorithm.</summary>
internal static class LineDiff
{
    private enum Op { Keep, Delete, Insert }

    public static string Unified(string oldName, string newName, string oldText, string newText, int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var script = Diff(a, b);
        if (script.TrueForAll(e => e.Op == Op.Keep))
            return "";

        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');

        // Group edits into hunks with `context` lines around each change.
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Op == Op.Keep)
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - context);
            var end = i;
            var lastChange = i;
            while (end < script.Count)
            {
                if (script[end].Op != Op.Keep)
                    lastChange = end;
                else if (end - lastChange > 2 * context)
                    break;
                end++;
            }
            end = Math.Min(script.Count, lastChange + context + 1);

            int oldStart = 0, newStart = 0;
            for (var k = 0; k < start; k++)
            {
                if (script[k].Op != Op.Insert) oldStart++;
                if (script[k].Op != Op.Delete) newStart++;
            }
            int oldLen = 0, newLen = 0;
            for (var k = start; k < end; k++)
            {
                if (script[k].Op != Op.Insert) oldLen++;
                if (script[k].Op != Op.Delete) newLen++;
            }
            sb.Append("@@ -").Append(oldLen == 0 ? oldStart : oldStart + 1).Append(',').Append(oldLen)
              .Append(" +").Append(newLen == 0 ? newStart : newStart + 1).Append(',').Append(newLen).Append(" @@\n");
            for (var k = start; k < end; k++)
            {
                var (op, line) = script[k];
                sb.Append(op switch { Op.Keep => ' ', Op.Delete => '-', _ => '+' }).Append(line).Append('\n');
            }
            i = end;
        }
        return sb.ToString();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
            return [];
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<(Op Op, string Line)> Diff(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                int x;
                if (k == -d || (k != d && v[max + k - 1] < v[max + k + 1]))
                    x = v[max + k + 1];
                else
                    x = v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m)
                    return Backtrack(trace, a, b, max, d);
            }
        }
        throw new InvalidOperationException("unreachable: Myers diff always terminates within n + m steps");
    }

    private static List<(Op, string)> Backtrack(List<int[]> trace, string[] a, string[] b, int max, int dEnd)
    {
        var result = new List<(Op, string)>();
        int x = a.Length, y = b.Length;
        for (var d = dEnd; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1;
            var prevX = v[max + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                result.Add((Op.Keep, a[x - 1]));
                x--;
                y--;
            }
            if (x == prevX)
                result.Add((Op.Insert, b[y - 1]));
            else
                result.Add((Op.Delete, a[x - 1]));
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0)
        {
            result.Add((Op.Keep, a[x - 1]));
            x--;
            y--;
        }
        result.Reverse();
        return result;
    }
}
