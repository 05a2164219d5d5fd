using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>Generated valid configurations round-trip; random mutations never throw or hang.</summary>
public sealed class PropertyTests
{
    // ---- generator of valid configurations ---------------------------------------------------------

    private static Gen<string> Ident => Gen.Elements("a", "b", "var", "local", "each", "x1", "foo_bar", "with-dash", "é");

    private static Gen<string> Leaf => Gen.OneOf(
        Gen.Choose(0, 100000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Elements("1.5", "0.25e3", "true", "false", "null", "\"\"", "\"plain\"", "\"esc\\n\\\"q\\\" \\u00e9\"", "\"$${lit}\""),
        Ident,
        Gen.Zip(Ident, Ident).Select(t => t.Item1 + "." + t.Item2),
        Gen.Zip(Ident, Gen.Choose(0, 9)).Select(t => $"{t.Item1}[{t.Item2}]"),
        Ident.Select(i => i + "[*].id"),
        Ident.Select(i => i + ".*.name"),
        Ident.Select(i => $"\"x-${{{i}}}-y\""));

    private static Gen<string> Expr(int depth)
    {
        if (depth <= 0)
            return Leaf;
        var sub = Expr(depth - 1);
        return Gen.OneOf(
            Leaf,
            Leaf,
            from l in sub
            from o in Gen.Elements("+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||")
            from r in sub
            select $"{l} {o} {r}",
            sub.Select(s => $"-({s})"),
            sub.Select(s => $"!{s}"),
            sub.Select(s => $"({s})"),
            from c in sub
            from a in sub
            from b in sub
            select $"{c} ? {a} : {b}",
            Gen.ListOf(sub).Select(l => "f(" + string.Join(", ", l.Take(3)) + ")"),
            sub.Select(s => $"ns::fn({s}...)"),
            Gen.ListOf(sub).Select(l => "[" + string.Join(", ", l.Take(4)) + "]"),
            Gen.ListOf(Gen.Zip(Ident, sub)).Select(l => "{" + string.Join(", ", l.Take(4).Select((kv, i) => $"{kv.Item1}{i} = {kv.Item2}")) + "}"),
            Gen.ListOf(Gen.Zip(Ident, sub)).Select(l => "{\n" + string.Concat(l.Take(3).Select((kv, i) => $"  \"{kv.Item1}{i}\" = {kv.Item2}\n")) + "}"),
            Gen.Zip(Ident, sub).Select(t => $"[for v in {t.Item1} : {t.Item2} if v != null]"),
            Gen.Zip(Ident, sub).Select(t => $"{{for k, v in {t.Item1} : k => {t.Item2}...}}"),
            sub.Select(s => $"\"a ${{{s}}} b %{{ if c ~}} yes %{{~ else }}no%{{ endif }}\""),
            sub.Select(s => $"\"%{{ for x in xs }}${{x}},%{{ endfor }}{s.Length}\""));
    }

    private static Gen<string> Body(int depth, string indent)
    {
        var value = Gen.OneOf(
            Expr(2),
            Expr(2),
            Expr(1).Select(s => $"<<EOT\n  line ${{{s}}}\n  $${{not}}\nEOT\n"),
            Expr(1).Select(s => $"<<-EOT\n    a\n      ${{{s}}}\n    b\n  EOT\n"));
        var attr = Gen.Zip(Ident, value).Select(t => (t.Item1, t.Item2, false));
        var item = depth <= 0
            ? attr
            : Gen.OneOf(attr, attr, Gen.Zip(Ident, Body(depth - 1, indent + "  ")).Select(t => (t.Item1, t.Item2, true)));
        return Gen.ListOf(item).Select(items =>
        {
            var sb = new StringBuilder();
            var i = 0;
            foreach (var (name, content, isBlock) in items.Take(5))
            {
                i++;
                if (isBlock)
                    sb.Append(indent).Append(name).Append(" \"l").Append(i).Append("\" bare {\n").Append(content).Append(indent).Append("}\n");
                else
                    sb.Append(indent).Append(name).Append('_').Append(i).Append(" = ").Append(content.EndsWith('\n') ? content : content + "\n");
                if (i % 2 == 0)
                    sb.Append(indent).Append("# comment ").Append(i).Append('\n');
            }
            return sb.ToString();
        });
    }

    [Fact]
    public void ParseConfig_GeneratedValidConfig_HasNoErrorsAndRoundTrips()
    {
        var prop = Prop.ForAll(Body(2, "").ToArbitrary(), src =>
        {
            var bytes = Encoding.UTF8.GetBytes(src);
            var r = HclSyntax.ParseConfig(bytes, "gen.hcl");
            if (r.HasErrors)
                throw new InvalidOperationException(src + "\n---\n" + r.Diagnostics);
            AssertLossless(r.Tree, bytes);
            Touch(r.Root);
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), prop);
    }

    // ---- mutation fuzzing ---------------------------------------------------------------------------

    private static readonly byte[][] Seeds = LoadSeeds();

    private static byte[][] LoadSeeds()
    {
        var seeds = new List<byte[]>
        {
            "a = 1\nb = \"x${y}z\"\nc { d = [1, 2] }\n"u8.ToArray(),
            "r \"t\" \"n\" {\n  x = { for k, v in m : k => v... if v }\n  y = <<-EOT\n    hi ${a[*].b}\n  EOT\n}\n"u8.ToArray(),
            "o = f(a.b.0, ns::g(x...), (1 + 2) * -3 > 4 ? !c : d.*.e)\n"u8.ToArray(),
            "t = \"%{ for x in xs ~} ${x} %{~ endfor } %{if a}b%{else}c%{endif}\"\n"u8.ToArray(),
        };
        var dir = Path.Combine(SyntaxTestSupport.RepoRoot(), "tests", "Provisioner.Hcl.Tests", "testdata", "hcl2json", "cases");
        if (Directory.Exists(dir))
        {
            foreach (var f in Directory.EnumerateFiles(dir, "*.hcl").OrderBy(f => f, StringComparer.Ordinal).Take(200))
                seeds.Add(File.ReadAllBytes(f));
        }
        return seeds.ToArray();
    }

    private static readonly byte[][] Fragments =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "("u8.ToArray(), ")"u8.ToArray(), "\""u8.ToArray(),
        "${"u8.ToArray(), "%{"u8.ToArray(), "~}"u8.ToArray(), "<<EOT\n"u8.ToArray(), "<<-X\n"u8.ToArray(), "\nEOT\n"u8.ToArray(),
        "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\\"u8.ToArray(), "#"u8.ToArray(), "/*"u8.ToArray(), "*/"u8.ToArray(), "."u8.ToArray(),
        "*"u8.ToArray(), "..."u8.ToArray(), "::"u8.ToArray(), "="u8.ToArray(), ","u8.ToArray(), "?"u8.ToArray(), ":"u8.ToArray(),
        "for"u8.ToArray(), " in "u8.ToArray(), "if"u8.ToArray(), "endif"u8.ToArray(), "endfor"u8.ToArray(), "0.1"u8.ToArray(),
        [0xFF], [0xC3], [0xE2, 0x80, 0x9C], [0xEF, 0xBB, 0xBF], "\t"u8.ToArray(), "\\u12"u8.ToArray(), "@"u8.ToArray(), ";"u8.ToArray(),
    ];

    private static byte[] Mutate(byte[] seed, int[] ops)
    {
        var data = new List<byte>(seed);
        for (var i = 0; i + 2 < ops.Length; i += 3)
        {
            var kind = ops[i] % 4;
            var pos = data.Count == 0 ? 0 : ops[i + 1] % (data.Count + 1);
            var arg = ops[i + 2];
            switch (kind)
            {
                case 0:
                    data.InsertRange(pos, Fragments[arg % Fragments.Length]);
                    break;
                case 1:
                    data.RemoveRange(pos, Math.Min(1 + (arg % 8), data.Count - pos));
                    break;
                case 2:
                    data.Insert(pos, (byte)arg);
                    break;
                default:
                    if (data.Count > 0)
                    {
                        var len = Math.Min(1 + (arg % 16), data.Count - Math.Min(pos, data.Count - 1));
                        var start = Math.Min(pos, data.Count - 1);
                        data.InsertRange(start, data.GetRange(start, len));
                    }
                    break;
            }
        }
        return data.ToArray();
    }

    [Fact]
    public async Task ParseConfig_RandomMutations_NeverThrowOrHang()
    {
        var gen = Gen.Zip(Gen.Choose(0, Seeds.Length - 1), Gen.ArrayOf(Gen.Choose(0, 100000)));
        var prop = Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var input = Mutate(Seeds[t.Item1], t.Item2.Take(12).ToArray());
            var r = HclSyntax.ParseConfig(input, "fuzz.hcl");
            AssertLossless(r.Tree, input);
            Touch(r.Root);
            foreach (var d in r.Diagnostics)
                _ = d.ToString();
            if ((t.Item1 & 1) == 0)
            {
                var e = HclSyntax.ParseExpression(input, "fuzz.hcl");
                Touch(e.Root);
            }
            else
            {
                var tp = HclSyntax.ParseTemplate(input, "fuzz.hcl");
                Touch(tp.Root);
            }
            return true;
        });
        var task = Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(50_000), prop));
        await task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void ParseConfig_ClosingDelimiterRemoved_ReportsError()
    {
        var valid = Seeds.Where(s => !HclSyntax.ParseConfig(s, "s.hcl").HasErrors).ToArray();
        var gen = Gen.Zip(Gen.Choose(0, valid.Length - 1), Gen.Choose(0, 100000));
        var prop = Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var seed = valid[t.Item1];
            var tree = HclSyntax.ParseConfig(seed, "s.hcl").Tree;
            var closers = new List<Token>();
            foreach (var tok in tree.Tokens)
            {
                if (tok.Kind is TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.CQuote or TokenKind.TemplateSeqEnd)
                    closers.Add(tok);
            }
            if (closers.Count == 0)
                return true;
            var c = closers[t.Item2 % closers.Count];
            var input = seed.Take(c.Start).Concat(seed.Skip(c.End)).ToArray();
            var r = HclSyntax.ParseConfig(input, "cut.hcl");
            if (!r.HasErrors)
                throw new InvalidOperationException("no error after removing " + c + " from:\n" + Encoding.UTF8.GetString(seed));
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), prop);
    }

    [Fact]
    public void ParseConfig_DeeplyNestedInput_ReportsErrorWithoutStackOverflow()
    {
        foreach (var unit in new[] { "(", "[", "{", "a {\n", "\"${", "-", "!", "a[*]", "f(" })
        {
            var src = "x = " + string.Concat(Enumerable.Repeat(unit, 100_000));
            var r = HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(src), "deep.hcl");
            Assert.True(r.HasErrors, unit);
        }
        var ok = "x = " + new string('(', 100) + "1" + new string(')', 100) + "\n";
        Assert.False(HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(ok), "ok.hcl").HasErrors);
        var chain = "x = " + string.Join(" + ", Enumerable.Repeat("a", 50_000)) + "\n";
        var c = HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(chain), "chain.hcl");
        Assert.False(c.HasErrors);
        Assert.Single(c.Root.Body.Attributes[0].Expression.Variables().Select(v => v.RootName).Distinct());
    }

    [Fact]
    public void ParseConfig_HugeBody_ScalesLinearly()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
            sb.Append("a").Append(i).Append(" = var.x\n");
        sb.Append("a7 = 1\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = HclSyntax.ParseConfig(sb.ToString(), "huge.hcl");
        sw.Stop();
        Assert.Equal("Attribute redefined", Assert.Single(r.Diagnostics).Summary);
        Assert.Equal(200_000, r.Root.Body.Attributes.Count);
        Assert.Equal("a199999", r.Root.Body.GetAttribute("a199999")!.Name);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), sw.Elapsed.ToString());
    }

    private static void AssertLossless(SyntaxTree tree, byte[] input)
    {
        var buffer = new ArrayBufferWriter<byte>();
        tree.WriteTo(buffer);
        if (!buffer.WrittenSpan.SequenceEqual(input))
            throw new InvalidOperationException("round trip failed");
        var pos = 0;
        foreach (var t in tree.Tokens)
        {
            if (t.Start != pos || t.End < t.Start)
                throw new InvalidOperationException("tokens not contiguous at " + pos);
            pos = t.End;
        }
        if (pos != input.Length)
            throw new InvalidOperationException("tokens do not cover input");
    }

    /// <summary>Visits every node and reads every range, so lazily computed data is exercised too.</summary>
    private static void Touch(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        var len = root.Map.Bytes.Length;
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.StartOffset < 0 || n.EndOffset > len || n.StartOffset > n.EndOffset)
                throw new InvalidOperationException($"bad span {n.StartOffset}-{n.EndOffset} on {n.GetType().Name}");
            _ = n.Range;
            switch (n)
            {
                case Provisioner.Hcl.Syntax.Attribute a:
                    _ = a.NameRange;
                    _ = a.EqualsRange;
                    _ = a.Expression.Variables().Select(v => v.Range).ToList();
                    break;
                case Block b:
                    _ = b.TypeRange;
                    _ = b.LabelRanges;
                    _ = b.OpenBraceRange;
                    _ = b.CloseBraceRange;
                    break;
                case Body body:
                    _ = body.EndRange;
                    break;
                case FunctionCallExpr f:
                    _ = f.NameRange;
                    _ = f.CloseParenRange;
                    break;
                case ObjectConsKeyExpr k:
                    stack.Push(k.Wrapped);
                    break;
            }
            foreach (var c in n.ChildNodes())
                stack.Push(c);
        }
    }
}
