using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Builds the hcl2json value tree from a parsed body, mirroring <c>tmccombs/hcl2json</c>'s converter rule by
/// rule (attributes first, then blocks; unary folding only directly over a literal; <c>%{else}</c> only when the
/// false arm is non-empty; template literal text keeps <c>$${</c>/<c>%%{</c> escaped).
/// </summary>
internal static class ToJsonConverter
{
    public static ToJsonObject ConvertBody(Body body, DiagnosticList diags)
    {
        var obj = new ToJsonObject();
        foreach (var attr in body.Attributes)
            obj.Members[attr.Name] = ConvertExpression(attr.Expression);
        foreach (var block in body.Blocks)
            ConvertBlock(block, obj, diags);
        return obj;
    }

    private static void ConvertBlock(Block block, ToJsonObject into, DiagnosticList diags)
    {
        var outObj = into;
        var key = block.Type;
        foreach (var label in block.Labels)
        {
            if (outObj.Members.TryGetValue(key, out var inner))
            {
                if (inner is not ToJsonObject innerObj)
                {
                    Conflict(block, diags);
                    return;
                }
                outObj = innerObj;
            }
            else
            {
                var created = new ToJsonObject();
                outObj.Members[key] = created;
                outObj = created;
            }
            key = label;
        }
        var value = ConvertBody(block.Body, diags);
        if (outObj.Members.TryGetValue(key, out var current))
        {
            if (current is List<object> list)
                list.Add(value);
            else
                Conflict(block, diags);
        }
        else
        {
            outObj.Members[key] = new List<object> { value };
        }
    }

    private static void Conflict(Block block, DiagnosticList diags) =>
        diags.Error("Unable to convert block to JSON",
            $"unable to convert Block to JSON: {block.Type}.{string.Join('.', block.Labels)}", block.TypeRange);

    public static object ConvertExpression(Expression expr)
    {
        switch (expr)
        {
            case LiteralValueExpr lit:
                return ConvertLiteral(lit, negate: false);
            case UnaryOpExpr unary:
                return ConvertUnary(unary);
            case TemplateExpr template:
                return ConvertTemplate(template);
            case TemplateWrapExpr wrap:
                return ConvertExpression(wrap.Wrapped);
            case TupleConsExpr tuple:
            {
                var list = new List<object>(tuple.Items.Count);
                foreach (var item in tuple.Items)
                    list.Add(ConvertExpression(item));
                return list;
            }
            case ObjectConsExpr objCons:
            {
                var obj = new ToJsonObject();
                foreach (var item in objCons.Items)
                    obj.Members[ConvertKey(item.Key)] = ConvertExpression(item.Value);
                return obj;
            }
            default:
                return Wrap(expr);
        }
    }

    private static object ConvertLiteral(LiteralValueExpr lit, bool negate) => lit.Kind switch
    {
        LiteralValueKind.Number => new ToJsonRaw(NumberText.Format(lit.Text, negate)),
        LiteralValueKind.Bool => lit.BoolValue ^ negate ? ToJsonRaw.True : ToJsonRaw.False,
        LiteralValueKind.Null => ToJsonRaw.Null,
        LiteralValueKind.String => EscapeLiteral(lit.Text),
        _ => Wrap(lit),
    };

    private static object ConvertUnary(UnaryOpExpr unary)
    {
        // hcl2json evaluates a unary operator applied directly to a literal; anything else stays "${…}".
        if (unary.Operand is LiteralValueExpr lit)
        {
            if (unary.Operator == UnaryOperator.Negate && lit.Kind == LiteralValueKind.Number)
                return ConvertLiteral(lit, negate: true);
            if (unary.Operator == UnaryOperator.LogicalNot && lit.Kind == LiteralValueKind.Bool)
                return ConvertLiteral(lit, negate: true);
        }
        return Wrap(unary);
    }

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

    private static string Wrap(Expression expr) => AppendWrapped(new StringBuilder(), expr).ToString();

    private static StringBuilder AppendWrapped(StringBuilder sb, Expression expr) =>
        sb.Append("${").Append(expr.GetSourceText()).Append('}');

    private static string EscapeLiteral(string text)
    {
        text = UnicodeNormalizer.ToNfc(text);
        return text.Contains('{', StringComparison.Ordinal) ? AppendEscaped(new StringBuilder(text.Length + 4), text).ToString() : text;
    }

    // Template literal text is printed with its introducers escaped again, so "$${x}" stays "$${x}".
    // cty normalises every string value to NFC, so literal text is normalised too.
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
}
