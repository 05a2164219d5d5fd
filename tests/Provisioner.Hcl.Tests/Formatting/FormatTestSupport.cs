using System.Text;
using Provisioner.Hcl.Formatting;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Formatting;

/// <summary>Helpers for formatter tests: locating inputs, formatting strings, comparing token streams.</summary>
internal static class FormatTestSupport
{
    public static string RepoRoot() => RepoPaths.Root;

    /// <summary>The shared conformance directory (<c>../shared/conformance</c> beside the repository).</summary>
    public static string? ConformanceDir() => RepoPaths.Conformance;

    public static string TestDataDir() => Path.Combine(RepoRoot(), "tests", "Provisioner.Hcl.Tests", "testdata");

    public static string Format(string src)
    {
        var result = HclFormatter.Format(Encoding.UTF8.GetBytes(src), "test.hcl");
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Summary)));
        return Encoding.UTF8.GetString(result.Output);
    }

    /// <summary>
    /// Every token except whitespace, as (kind, bytes), with CRLF line ends written as LF: formatting may only change
    /// the whitespace between tokens, so this sequence must be identical before and after.
    /// </summary>
    /// Block labels written as identifiers count as their quoted form (terraform fmt quotes them).
    public static List<(TokenKind Kind, string Text)> Significant(ReadOnlyMemory<byte> src)
    {
        var labels = new HashSet<int>();
        var stack = new Stack<Body>();
        stack.Push(HclSyntax.ParseConfig(src, "test.hcl").Root.Body);
        while (stack.Count > 0)
        {
            foreach (var block in stack.Pop().Blocks)
            {
                foreach (var range in block.LabelRanges)
                    labels.Add(range.Start.Byte);
                stack.Push(block.Body);
            }
        }
        var (tree, _) = HclSyntax.Lex(src, "test.hcl");
        var list = new List<(TokenKind, string)>(tree.TokenCount);
        for (var i = 0; i < tree.TokenCount; i++)
        {
            var t = tree.Tokens[i];
            if (t.Kind is TokenKind.Whitespace)
                continue;
            var text = Encoding.UTF8.GetString(tree.GetTokenBytes(i));
            if (t.Kind is TokenKind.Newline or TokenKind.LineComment or TokenKind.OHeredoc && text.EndsWith("\r\n", StringComparison.Ordinal))
                text = text[..^2] + "\n";
            if (t.Kind is TokenKind.Comment)
                text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            if (t.Kind == TokenKind.Ident && labels.Contains(t.Start))
            {
                list.Add((TokenKind.OQuote, "\""));
                list.Add((TokenKind.QuotedLit, text));
                list.Add((TokenKind.CQuote, "\""));
                continue;
            }
            // Vertical layout is normalised by fmt (blank lines collapsed, a final newline added), so compare
            // line comments as comment + newline, and runs of newlines as one.
            if (t.Kind == TokenKind.LineComment)
            {
                list.Add((TokenKind.Comment, text.TrimEnd('\n')));
                text = "\n";
                if (list.Count > 0 && list[^1].Item1 == TokenKind.Newline)
                    continue;
                list.Add((TokenKind.Newline, text));
                continue;
            }
            if (t.Kind == TokenKind.Newline && (list.Count == 0 || list[^1].Item1 is TokenKind.Newline or TokenKind.OBrace or TokenKind.Bom))
                continue;
            if (t.Kind == TokenKind.CBrace && list.Count > 0 && list[^1].Item1 == TokenKind.Newline && list.Count > 1 && list[^2].Item1 == TokenKind.OBrace)
                list.RemoveAt(list.Count - 1);
            if (t.Kind == TokenKind.EndOfFile)
            {
                while (list.Count > 0 && list[^1].Item1 == TokenKind.Newline)
                    list.RemoveAt(list.Count - 1);
            }
            list.Add((t.Kind, text));
        }
        return list;
    }

    /// <summary>Asserts the round-trip properties of formatting <paramref name="src"/>: valid, token-equivalent, idempotent.</summary>
    public static void AssertRoundTrip(byte[] src, string name)
    {
        var first = HclFormatter.Format(src, name);
        Assert.False(first.Diagnostics.HasErrors, name);
        var reparsed = HclSyntax.ParseConfig(first.Output, name);
        Assert.False(reparsed.Diagnostics.HasErrors, name + ": formatted output does not parse:\n" + Encoding.UTF8.GetString(first.Output));

        var before = Significant(src);
        var after = Significant(first.Output);
        if (!before.SequenceEqual(after))
        {
            var n = Math.Min(before.Count, after.Count);
            var i = 0;
            while (i < n && before[i] == after[i])
                i++;
            Assert.Fail($"{name}: token streams differ at significant token {i}: {(i < before.Count ? before[i] : default)} vs {(i < after.Count ? after[i] : default)}");
        }

        var second = HclFormatter.Format(first.Output, name);
        if (!second.Output.AsSpan().SequenceEqual(first.Output))
        {
            Assert.Equal(Encoding.UTF8.GetString(first.Output), Encoding.UTF8.GetString(second.Output));
        }
    }
}
