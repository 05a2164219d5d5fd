using System.Globalization;
using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Writes the hcl2json rendering of a parsed body straight from the syntax tree (no intermediate value tree, so a
/// large file costs little more than its output). Mirrors <c>tmccombs/hcl2json</c> rule by rule: attributes and
/// blocks share one key space per body (a block running into an attribute is an error); blocks nest as
/// <c>type → label… → [body, …]</c>; a unary operator folds only directly over a literal; template literal text
/// keeps <c>$${</c>/<c>%%{</c> escaped; <c>%{else}</c> is printed only when the false arm is non-empty. Output is
/// indented with two spaces, keys sorted as the oracle prints them, strings escaped as <c>JSON.stringify</c> does.
/// </summary>
internal sealed class ToJsonEmitter
{
    private readonly StringBuilder _out;
    private readonly DiagnosticList _diags;

    private ToJsonEmitter(StringBuilder output, DiagnosticList diags)
    {
        _out = output;
        _diags = diags;
    }

    /// <summary>Renders <paramref name="body"/>; returns null (with an error in <paramref name="diags"/>) when hcl2json would fail.</summary>
    public static string? Emit(Body body, int sizeHint, DiagnosticList diags)
    {
        var e = new ToJsonEmitter(new StringBuilder(Math.Max(256, sizeHint * 2)), diags);
        return e.WriteBody(body, 0) ? e._out.ToString() : null;
    }

    // ---------------------------------------------------------------- bodies and blocks

    /// <summary>A body's key space: attributes and block groups by name (hcl2json builds one Go map per level).</summary>
    private sealed class Level
    {
        public readonly Dictionary<string, object> Members = new(StringComparer.Ordinal);
    }

    private bool WriteBody(Body body, int depth)
    {
        var attrs = body.Attributes;
        var blocks = body.Blocks;
        if (blocks.Count == 0)
        {
            // Fast path: attribute names are unique (the parser rejects redefinitions).
            if (attrs.Count == 0)
            {
                _out.Append("{}");
                return true;
            }
            var keys = new string[attrs.Count];
            var order = new int[attrs.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = attrs[i].Name;
                order[i] = i;
            }
            if (keys.Length > 1)
                Array.Sort(keys, order, KeyComparer.Instance);
            _out.Append('{');
            for (int i = 0; i < keys.Length; i++)
            {
                if (i > 0)
                    _out.Append(',');
                NewLine(depth + 1);
                WriteString(keys[i]);
                _out.Append(": ");
                WriteExpression(attrs[order[i]].Expression, depth + 1);
            }
            NewLine(depth);
            _out.Append('}');
            return true;
        }

        var level = new Level();
        foreach (var a in attrs)
            level.Members[a.Name] = a;
        foreach (var b in blocks)
        {
            if (!AddBlock(level, b))
                return false;
        }
        return WriteLevel(level, depth);
    }

    private bool AddBlock(Level level, Block block)
    {
        var key = block.Type;
        foreach (var label in block.Labels)
        {
            if (level.Members.TryGetValue(key, out var inner))
            {
                if (inner is not Level innerLevel)
                    return Conflict(block);
                level = innerLevel;
            }
            else
            {
                var created = new Level();
                level.Members[key] = created;
                level = created;
            }
            key = label;
        }
        if (level.Members.TryGetValue(key, out var current))
        {
            if (current is not List<Body> list)
                return Conflict(block);
            list.Add(block.Body);
        }
        else
        {
            level.Members[key] = new List<Body> { block.Body };
        }
        return true;
    }

    private bool Conflict(Block block)
    {
        _diags.Error("Unable to convert block to JSON",
            $"unable to convert Block to JSON: {block.Type}.{string.Join('.', block.Labels)}", block.TypeRange);
        return false;
    }

    private bool WriteLevel(Level level, int depth)
    {
        var keys = level.Members.Keys.ToArray();
        Array.Sort(keys, KeyComparer.Instance);
        _out.Append('{');
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0)
                _out.Append(',');
            NewLine(depth + 1);
            WriteString(keys[i]);
            _out.Append(": ");
            switch (level.Members[keys[i]])
            {
                case Syntax.Attribute a:
                    WriteExpression(a.Expression, depth + 1);
                    break;
                case Level inner:
                    if (!WriteLevel(inner, depth + 1))
                        return false;
                    break;
                case List<Body> bodies:
                    _out.Append('[');
                    for (int j = 0; j < bodies.Count; j++)
                    {
                        if (j > 0)
                            _out.Append(',');
                        NewLine(depth + 2);
                        if (!WriteBody(bodies[j], depth + 2))
                            return false;
                    }
                    NewLine(depth + 1);
                    _out.Append(']');
                    break;
            }
        }
        NewLine(depth);
        _out.Append('}');
        return true;
    }

    // ---------------------------------------------------------------- expressions

    private void WriteExpression(Expression expr, int depth)
    {
        while (expr is TemplateWrapExpr wrap)
            expr = wrap.Wrapped;
        switch (expr)
        {
            case LiteralValueExpr lit:
                WriteLiteral(lit, negate: false);
                return;
            case UnaryOpExpr { Operand: LiteralValueExpr operand } unary
                when (unary.Operator == UnaryOperator.Negate && operand.Kind == LiteralValueKind.Number)
                     || (unary.Operator == UnaryOperator.LogicalNot && operand.Kind == LiteralValueKind.Bool):
                // hcl2json evaluates a unary operator applied directly to a literal; anything else stays "${…}".
                WriteLiteral(operand, negate: true);
                return;
            case TemplateExpr template:
                WriteString(ConvertTemplate(template));
                return;
            case TupleConsExpr tuple:
                WriteTuple(tuple, depth);
                return;
            case ObjectConsExpr obj:
                WriteObject(obj, depth);
                return;
            default:
                WriteString(Wrap(expr));
                return;
        }
    }

    private void WriteLiteral(LiteralValueExpr lit, bool negate)
    {
        switch (lit.Kind)
        {
            case LiteralValueKind.Number:
                _out.Append(NumberText.Format(lit.Text, negate));
                break;
            case LiteralValueKind.Bool:
                _out.Append(lit.BoolValue ^ negate ? "true" : "false");
                break;
            case LiteralValueKind.Null:
                _out.Append("null");
                break;
            case LiteralValueKind.String:
                WriteString(EscapeLiteral(lit.Text));
                break;
            default:
                WriteString(Wrap(lit));
                break;
        }
    }

    private void WriteTuple(TupleConsExpr tuple, int depth)
    {
        if (tuple.Items.Count == 0)
        {
            _out.Append("[]");
            return;
        }
        _out.Append('[');
        for (int i = 0; i < tuple.Items.Count; i++)
        {
            if (i > 0)
                _out.Append(',');
            NewLine(depth + 1);
            WriteExpression(tuple.Items[i], depth + 1);
        }
        NewLine(depth);
        _out.Append(']');
    }

    private void WriteObject(ObjectConsExpr obj, int depth)
    {
        var items = obj.Items;
        if (items.Count == 0)
        {
            _out.Append("{}");
            return;
        }
        // Later duplicates win (a Go map); keep the last index of every key.
        var keys = new string[items.Count];
        var order = new int[items.Count];
        int n = 0;
        Dictionary<string, int>? index = items.Count > 8 ? new(StringComparer.Ordinal) : null;
        for (int i = 0; i < items.Count; i++)
        {
            var key = ConvertKey(items[i].Key);
            int at = -1;
            if (index != null)
            {
                if (index.TryGetValue(key, out var found))
                    at = found;
            }
            else
            {
                at = Array.IndexOf(keys, key, 0, n);
            }
            if (at >= 0)
            {
                order[at] = i;
                continue;
            }
            keys[n] = key;
            order[n] = i;
            index?.Add(key, n);
            n++;
        }
        if (n > 1)
            Array.Sort(keys, order, 0, n, KeyComparer.Instance);
        _out.Append('{');
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
                _out.Append(',');
            NewLine(depth + 1);
            WriteString(keys[i]);
            _out.Append(": ");
            WriteExpression(items[order[i]].Value, depth + 1);
        }
        NewLine(depth);
        _out.Append('}');
    }

    // ---------------------------------------------------------------- templates (strings)

    private static string ConvertTemplate(TemplateExpr template)
    {
        if (template.IsStringLiteral)
            return EscapeLiteral(((LiteralValueExpr)template.Parts[0]).Text);
        var sb = new StringBuilder();
        foreach (var part in template.Parts)
            AppendStringPart(sb, part);
        return sb.ToString();
    }

    private static void AppendStringPart(StringBuilder sb, Expression part)
    {
        switch (part)
        {
            case LiteralValueExpr lit:
                switch (lit.Kind)
                {
                    case LiteralValueKind.String:
                        AppendEscaped(sb, lit.Text);
                        break;
                    case LiteralValueKind.Number:
                        sb.Append(NumberText.Format(lit.Text, negate: false));
                        break;
                    case LiteralValueKind.Bool:
                        sb.Append(lit.BoolValue ? "true" : "false");
                        break;
                    case LiteralValueKind.Null:
                        // hcl2json prints a null key or part as "null" (`{ null = 1 }` gives "null").
                        sb.Append("null");
                        break;
                    default:
                        AppendWrapped(sb, lit);
                        break;
                }
                break;
            case TemplateExpr template:
                sb.Append(ConvertTemplate(template));
                break;
            case TemplateWrapExpr wrap:
                AppendStringPart(sb, wrap.Wrapped);
                break;
            case TemplateIfExpr ifExpr:
                sb.Append("%{if ").Append(ifExpr.Condition.GetSourceText()).Append('}');
                AppendStringPart(sb, ifExpr.TrueResult);
                var falseText = ConvertTemplate(ifExpr.FalseResult);
                if (falseText.Length > 0)
                    sb.Append("%{else}").Append(falseText);
                sb.Append("%{endif}");
                break;
            case ConditionalExpr cond:
                // hcl2json re-spells an interpolated conditional as an if directive.
                sb.Append("%{if ").Append(cond.Condition.GetSourceText()).Append('}');
                AppendStringPart(sb, cond.TrueResult);
                var falseSb = new StringBuilder();
                AppendStringPart(falseSb, cond.FalseResult);
                if (falseSb.Length > 0)
                    sb.Append("%{else}").Append(falseSb);
                sb.Append("%{endif}");
                break;
            case TemplateForExpr forExpr:
                sb.Append("%{for ");
                if (!string.IsNullOrEmpty(forExpr.KeyVar))
                    sb.Append(forExpr.KeyVar).Append(", ");
                sb.Append(forExpr.ValueVar).Append(" in ").Append(forExpr.Collection.GetSourceText()).Append('}');
                AppendStringPart(sb, forExpr.Body);
                sb.Append("%{endfor}");
                break;
            default:
                AppendWrapped(sb, part);
                break;
        }
    }

    private static string ConvertKey(ObjectConsKeyExpr key)
    {
        var wrapped = key.Wrapped;
        if (wrapped is ScopeTraversalExpr)
            return wrapped.GetSourceText();
        var sb = new StringBuilder();
        AppendStringPart(sb, wrapped);
        return sb.ToString();
    }

    private static string Wrap(Expression expr) => AppendWrapped(new StringBuilder(expr.EndOffset - expr.StartOffset + 3), expr).ToString();

    private static StringBuilder AppendWrapped(StringBuilder sb, Expression expr) =>
        sb.Append("${").Append(expr.GetSourceText()).Append('}');

    private static string EscapeLiteral(string text)
    {
        text = UnicodeNormalizer.ToNfc(text);
        return text.Contains('{', StringComparison.Ordinal) ? AppendEscaped(new StringBuilder(text.Length + 4), text).ToString() : text;
    }

    // cty normalises every string to NFC; template literal text is printed with its introducers escaped again, so
    // "$${x}" stays "$${x}".
    private static StringBuilder AppendEscaped(StringBuilder sb, string text)
    {
        text = UnicodeNormalizer.ToNfc(text);
        int from = 0;
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] == '{' && text[i - 1] is '$' or '%')
            {
                sb.Append(text, from, i - from).Append(text[i - 1]);
                from = i;
            }
        }
        return sb.Append(text, from, text.Length - from);
    }

    // ---------------------------------------------------------------- output

    private void NewLine(int depth) => _out.Append('\n').Append(' ', depth * 2);

    private void WriteString(string s)
    {
        var sb = _out;
        sb.Append('"');
        int from = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }
            sb.Append(s, from, i - from);
            from = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }
        sb.Append(s, from, s.Length - from).Append('"');
    }

    /// <summary>
    /// The oracle's key order: Go sorts map keys by their UTF-8 bytes (UTF-16 ordinal order differs only around
    /// surrogates), then the JSON round-trips through a JavaScript object, which moves array-index keys
    /// (<c>"0"</c>, <c>"17"</c>) first, in numeric order.
    /// </summary>
    private sealed class KeyComparer : IComparer<string>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(string? a, string? b)
        {
            a ??= "";
            b ??= "";
            bool ai = IsArrayIndex(a, out var av), bi = IsArrayIndex(b, out var bv);
            if (ai || bi)
                return ai && bi ? av.CompareTo(bv) : ai ? -1 : 1;
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
            {
                char x = a[i], y = b[i];
                if (x == y)
                    continue;
                if (char.IsSurrogate(x) != char.IsSurrogate(y) && (x >= 0xE000 || y >= 0xE000))
                    return char.IsSurrogate(x) ? 1 : -1;
                return x.CompareTo(y);
            }
            return a.Length.CompareTo(b.Length);
        }

        private static bool IsArrayIndex(string s, out uint value)
        {
            value = 0;
            if (s.Length is 0 or > 10 || !char.IsAsciiDigit(s[0]) || (s.Length > 1 && s[0] == '0'))
                return false;
            ulong v = 0;
            foreach (char c in s)
            {
                if (!char.IsAsciiDigit(c))
                    return false;
                v = v * 10 + (ulong)(c - '0');
            }
            if (v >= uint.MaxValue)
                return false;
            value = (uint)v;
            return true;
        }
    }
}
