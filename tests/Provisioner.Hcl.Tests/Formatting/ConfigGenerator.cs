using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Provisioner.Hcl.Tests.Formatting;

/// <summary>
/// Generates valid HCL configurations with arbitrary (but legal) whitespace: spaces and tabs between tokens, blank
/// lines, comments, nested blocks, single- and multi-line collections, templates and heredocs.
/// </summary>
internal static class ConfigGenerator
{
    private static readonly string[] Names = ["a", "bb", "name", "instance_type", "x_1", "count", "for_each", "tags", "ü"];
    private const string Unique = "\u0001";
    private static readonly string[] BinaryOps = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"];

    public static Gen<string> Config() =>
        from body in Gen.Sized(size => Body(Math.Min(size, 12), 0))
        from crlf in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select crlf ? body.Replace("\n", "\r\n").ToString() : body.ToString();

    private static Gen<T[]> Many<T>(Gen<T> gen, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(gen, n));

    private static Gen<string> Ws() => Gen.Elements("", " ", "  ", "\t", " \t ");

    private static Gen<string> Ws1() => Gen.Elements(" ", "  ", "\t", "   ");

    private static Gen<string> Name() => Gen.Elements(Names);

    private static Gen<StringBuilder> Body(int size, int depth) =>
        Many(Item(size, depth), 0, Math.Max(1, size / 2)).Select(items =>
        {
            // Attribute names must be unique in a body: each item's name placeholder gets the item's index.
            var sb = new StringBuilder();
            for (var i = 0; i < items.Length; i++)
                sb.Append(items[i].Replace(Unique, "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            return sb;
        });

    private static Gen<string> Item(int size, int depth)
    {
        var attr =
            from ws0 in Ws()
            from name in Name()
            from ws1 in Ws()
            from ws2 in Ws()
            from value in Expr(size / 2)
            from trailing in Trailing()
            select ws0 + name + Unique + ws1 + "=" + ws2 + value + trailing;
        var blank = Gen.Elements("\n", "   \n", "\t\n");
        var comment = from ws in Ws() from text in Gen.Elements("# c\n", "// c  \n", "/* c */\n", "#\n", "/* multi\n  line */\n") select ws + text;
        var heredoc =
            from name in Name()
            from ws in Ws()
            from indent in Gen.Elements("", "  ", "\t")
            from dash in Gen.Elements("", "-")
            from text in Gen.Elements("plain", "  two  spaces", "${ var.x }", "%{ if a }x%{ endif }", "")
            select name + Unique + ws + "=" + ws + "<<" + dash + "EOT\n" + indent + text + "\n" + indent + "EOT\n";
        if (depth >= 3 || size <= 1)
            return Gen.Frequency((6, attr), (1, blank), (1, comment), (1, heredoc));
        var block =
            from ws0 in Ws()
            from type in Name()
            from labels in Gen.Elements("", " \"l\"", " \"l\" \"m\"", "  label")
            from ws1 in Ws()
            from body in Body(size / 2, depth + 1)
            from close in Ws()
            select ws0 + type + labels + ws1 + "{\n" + body + close + "}\n";
        var oneLine =
            from type in Name()
            from ws in Ws()
            from inner in Gen.OneOf(Gen.Constant(""), from n in Name() from v in Expr(1) select " " + n + " = " + v + " ")
            select type + ws + "{" + inner + "}\n";
        return Gen.Frequency((6, attr), (1, blank), (1, comment), (1, heredoc), (2, block), (1, oneLine));
    }

    private static Gen<string> Trailing() => Gen.Elements("\n", " \n", "\t\n", " # note\n", "// note\n", "  /* x */\n");

    private static Gen<string> Expr(int size)
    {
        var atoms = Gen.OneOf(
            Gen.Elements("1", "0.5", "1e3", "true", "null", "\"s\"", "\"\"", "var.x", "a.b[0].c", "x[*].id", "local.m[\"k\"]"),
            from ws in Ws() from n in Name() select "\"${" + ws + "var." + n + ws + "}-" + n + "\"",
            Gen.Elements("\"%{ for i in l }${i},%{ endfor }\"", "\"a ${ b } c\"", "\"$${literal}\""));
        if (size <= 1)
            return atoms;
        var sub = Expr(size / 2);
        var binary = from l in sub from ws1 in Ws() from op in Gen.Elements(BinaryOps) from ws2 in Ws() from r in sub select l + ws1 + op + ws2 + r;
        var unary = from op in Gen.Elements("-", "!") from ws in Ws() from e in atoms select op + ws + e;
        var paren = from ws in Ws() from e in sub select "(" + ws + e + ws + ")";
        var call = from name in Gen.Elements("max", "concat", "provider::p::f") from args in Many(sub, 0, 3) from ws in Ws()
                   select name + "(" + ws + string.Join("," + ws, args) + ws + ")";
        var tuple = from items in Many(sub, 0, 3) from multi in Gen.Elements(false, true) from ws in Ws() from note in Gen.Elements("", " # n", " // n")
                    select multi ? "[\n" + string.Concat(items.Select(i => ws + i + "," + note + "\n")) + ws + "]" : "[" + ws + string.Join("," + ws, items) + ws + "]";
        var obj = from keys in Many(Name(), 0, 3) from v in sub from multi in Gen.Elements(false, true) from ws in Ws()
                  select multi
                      ? "{\n" + string.Concat(keys.Distinct().Select(k => ws + k + ws + "=" + ws + v + "\n")) + "}"
                      : "{" + ws + string.Join("," + ws, keys.Distinct().Select(k => k + ws + "=" + ws + v)) + ws + "}";
        var cond = from c in sub from t in sub from f in sub from ws in Ws1() select c + ws + "?" + ws + t + ws + ":" + ws + f;
        var forExpr = from e in sub from ws in Ws1() from kind in Gen.Elements(0, 1)
                      select kind == 0
                          ? "[for" + ws + "x" + ws + "in" + ws + "[1,2]" + ws + ":" + ws + e + "]"
                          : "{for" + ws + "k," + ws + "v" + ws + "in" + ws + "var.m:" + ws + "k" + ws + "=>" + ws + e + "...}";
        return Gen.Frequency((4, atoms), (3, binary), (1, unary), (1, paren), (1, call), (1, tuple), (1, obj), (1, cond), (1, forExpr));
    }
}
