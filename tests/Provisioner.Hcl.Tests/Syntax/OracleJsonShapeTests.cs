using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>
/// Validates the tree (structure, decoded literals, heredoc flush/strip, and the exact source range of every
/// expression) against the hcl2json oracle goldens, using a minimal test-only re-implementation of the
/// hcl2json conversion rules described in <c>testdata/hcl2json/README.md</c>.
/// </summary>
public sealed class OracleJsonShapeTests
{
    private static string CasesDir() => Path.Combine(SyntaxTestSupport.RepoRoot(), "tests", "Provisioner.Hcl.Tests", "testdata", "hcl2json", "cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(CasesDir()))
        {
            foreach (var f in Directory.EnumerateFiles(CasesDir(), "*.json").OrderBy(f => f, StringComparer.Ordinal))
                data.Add(Path.GetFileNameWithoutExtension(f));
        }
        if (data.Count == 0)
            data.Add("");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParseConfig_OracleCase_TreeConvertsToGoldenJson(string name)
    {
        if (name.Length == 0)
            return;
        var bytes = File.ReadAllBytes(Path.Combine(CasesDir(), name + ".hcl"));
        var result = HclSyntax.ParseConfig(bytes, name + ".hcl");
        Assert.False(result.HasErrors, result.Diagnostics.ToString());
        var actual = Canonical(new Converter(bytes).Body(result.Root.Body));
        var expected = Canonical(JsonNode.Parse(File.ReadAllText(Path.Combine(CasesDir(), name + ".json"))));
        Assert.Equal(expected, actual);
    }

    private sealed class Converter(byte[] src)
    {
        public JsonObject Body(Body body)
        {
            var o = new JsonObject();
            foreach (var a in body.Attributes)
                o[a.Name] = Expr(a.Expression);
            foreach (var b in body.Blocks)
            {
                var target = o;
                var key = b.Type;
                foreach (var label in b.Labels)
                {
                    if (target[key] is not JsonObject inner)
                    {
                        inner = new JsonObject();
                        target[key] = inner;
                    }
                    target = inner;
                    key = label;
                }
                if (target[key] is not JsonArray list)
                {
                    list = new JsonArray();
                    target[key] = list;
                }
                list.Add(Body(b.Body));
            }
            return o;
        }

        private JsonNode? Expr(Expression e)
        {
            switch (e)
            {
                case LiteralValueExpr l:
                    return Literal(l, negate: false, not: false);
                case UnaryOpExpr u when u.Operand is LiteralValueExpr lit:
                    return Literal(lit, u.Operator == UnaryOperator.Negate, u.Operator == UnaryOperator.LogicalNot);
                case TemplateExpr t:
                    return Template(t);
                case TemplateWrapExpr w:
                    return Expr(w.Wrapped);
                case TupleConsExpr t:
                    return new JsonArray(t.Items.Select(Expr).ToArray());
                case ObjectConsExpr o:
                {
                    var obj = new JsonObject();
                    foreach (var item in o.Items)
                        obj[Key(item.Key)] = Expr(item.Value);
                    return obj;
                }
                default:
                    return Wrap(e);
            }
        }

        private static JsonNode? Literal(LiteralValueExpr l, bool negate, bool not) => l.Kind switch
        {
            LiteralValueKind.Number => JsonValue.Create("#num:" + CanonNumber((negate ? "-" : "") + l.Text)),
            LiteralValueKind.Bool => JsonValue.Create(not ? !l.BoolValue : l.BoolValue),
            LiteralValueKind.String => JsonValue.Create(Escape(l.Text)),
            _ => null,
        };

        // Literal text in the tree is decoded but not NFC-normalised; values are (HclValue.String), as in cty.
        private static string Escape(string s) => Provisioner.Hcl.Values.UnicodeNormalizer.ToNfc(s).Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);

        private string Template(TemplateExpr t)
        {
            if (t.IsStringLiteral)
                return Escape(((LiteralValueExpr)t.Parts[0]).Text);
            var sb = new StringBuilder();
            foreach (var p in t.Parts)
                sb.Append(Part(p));
            return sb.ToString();
        }

        private string Part(Expression e)
        {
            switch (e)
            {
                case LiteralValueExpr l:
                    return l.Kind switch
                    {
                        LiteralValueKind.String => Escape(l.Text),
                        LiteralValueKind.Number => l.Text,
                        _ => l.Text,
                    };
                case TemplateExpr t:
                    return Template(t);
                case TemplateWrapExpr w:
                    return Part(w.Wrapped);
                case TemplateIfExpr i:
                {
                    var f = Part(i.FalseResult);
                    return "%{if " + Source(i.Condition) + "}" + Part(i.TrueResult) + (f.Length > 0 ? "%{else}" + f : "") + "%{endif}";
                }
                case TemplateForExpr f:
                    return "%{for " + (f.KeyVar != null ? f.KeyVar + ", " : "") + f.ValueVar + " in " + Source(f.Collection) + "}" + Part(f.Body) + "%{endfor}";
                default:
                    return Wrap(e);
            }
        }

        private string Key(ObjectConsKeyExpr k) => k.Wrapped is ScopeTraversalExpr s && !k.ForceNonLiteral ? Source(s) : Part(k.Wrapped);

        private string Wrap(Expression e) => "${" + Source(e) + "}";

        private string Source(Expression e)
        {
            var r = e.Range;
            var end = r.End.Byte;
            if (end < src.Length && src[end] == ')')
                end++;
            return Encoding.UTF8.GetString(src, r.Start.Byte, end - r.Start.Byte);
        }
    }

    private static string CanonNumber(string text)
    {
        var neg = text.StartsWith('-');
        if (neg)
            text = text[1..];
        var exp = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exp = int.Parse(text[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exp -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }
        var m = BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        while (!m.IsZero && m % 10 == 0)
        {
            m /= 10;
            exp++;
        }
        if (m.IsZero)
            exp = 0;
        return (neg ? "-" : "") + m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "e" + exp.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Serialises with sorted keys and numbers canonicalised, so comparison ignores key order and number spelling.</summary>
    private static string Canonical(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject o:
                sb.Append('{');
                foreach (var kv in o.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(kv.Key)).Append(':');
                    Write(kv.Value, sb);
                    sb.Append(",\n");
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                foreach (var item in a)
                {
                    Write(item, sb);
                    sb.Append(",\n");
                }
                sb.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                sb.Append("#num:").Append(CanonNumber(v.ToJsonString()));
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
            {
                var str = v.GetValue<string>();
                sb.Append(str.StartsWith("#num:", StringComparison.Ordinal) ? str : JsonSerializer.Serialize(str));
                break;
            }
            default:
                sb.Append(node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
        }
    }
}
