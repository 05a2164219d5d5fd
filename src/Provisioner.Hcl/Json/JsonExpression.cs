using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Json;

/// <summary>
/// A JSON value used as an HCL expression (HCL's <c>json.expression</c>). With an <see cref="EvalContext"/> strings
/// are native-syntax templates (interpolation unwrapping applies, so <c>"${a + b}"</c> is a number) and object keys
/// are templates too; without one (literal-only mode) strings are taken verbatim. Numbers are exact, arrays are
/// tuples, objects are objects, <c>null</c> is a dynamic null.
/// </summary>
public sealed class JsonExpression : IHclExpression, IHclStaticSyntax
{
    private readonly JsonNode _node;

    internal JsonExpression(JsonNode node) => _node = node;

    public SourceRange Range => _node.Range;

    public SourceRange StartRange => _node.StartRange;

    /// <summary>The JSON kind of the value: <c>object</c>, <c>array</c>, <c>string</c>, <c>number</c>, <c>bool</c>, <c>null</c> or <c>invalid</c>.</summary>
    public string JsonKind => _node switch
    {
        JsonObjectNode => "object",
        JsonArrayNode => "array",
        JsonStringNode => "string",
        JsonNumberNode => "number",
        JsonKeywordNode { Keyword: JsonKeyword.Null } => "null",
        JsonKeywordNode => "bool",
        _ => "invalid",
    };

    /// <summary>Static list (HCL <c>ExprList</c>): the elements of a JSON array, else null.</summary>
    public IReadOnlyList<IHclExpression>? AsList() =>
        _node is JsonArrayNode a ? a.Items.Select(i => (IHclExpression)new JsonExpression(i)).ToArray() : null;

    /// <summary>Static map (HCL <c>ExprMap</c>): the properties of a JSON object as key/value expressions, else null.</summary>
    public IReadOnlyList<KeyValuePair<IHclExpression, IHclExpression>>? AsMap() =>
        _node is JsonObjectNode o
            ? o.Properties.Select(p => new KeyValuePair<IHclExpression, IHclExpression>(new JsonExpression(p.NameNode), new JsonExpression(p.Value))).ToArray()
            : null;

    /// <summary>
    /// A JSON string's content parsed as a native expression (static call/keyword/type analysis); null otherwise or
    /// when it does not parse. As in HCL, positions start at the string's opening quote (not one past it).
    /// </summary>
    public Expression? ToNativeSyntax()
    {
        if (_node is not JsonStringNode s)
            return null;
        var parsed = HclSyntax.ParseExpression(Encoding.UTF8.GetBytes(s.Value), s.Source.Filename, s.Range.Start);
        return parsed.HasErrors ? null : parsed.Root;
    }

    /// <summary>
    /// A JSON string's content parsed as an absolute traversal (HCL's <c>AsTraversal</c>, positions from the opening
    /// quote); null for other values or when it is not a traversal.
    /// </summary>
    public Traversal? AsTraversal()
    {
        if (_node is not JsonStringNode s)
            return null;
        var (traversal, diags) = HclSyntax.ParseTraversalAbs(Encoding.UTF8.GetBytes(s.Value), s.Source.Filename, s.Range.Start);
        return diags.HasErrors ? null : traversal;
    }

    public EvalResult Evaluate(EvalContext? ctx)
    {
        var diags = new DiagnosticList();
        var value = Evaluate(_node, ctx, diags);
        return new EvalResult(value, diags);
    }

    public IReadOnlyList<Traversal> Variables()
    {
        var vars = new List<Traversal>();
        CollectVariables(_node, vars);
        return vars;
    }

    public override string ToString() => _node.Source.Text(_node.Range);

    // HCL parses the decoded string as if it started just after the opening quote (escapes shift later positions).
    private static SourcePos ContentStart(JsonStringNode s)
    {
        var start = s.Range.Start;
        return new SourcePos(start.Line, start.Column + 1, start.Byte + 1);
    }

    private static ParseResult<Expression> ParseTemplate(JsonStringNode s) =>
        HclSyntax.ParseTemplate(Encoding.UTF8.GetBytes(s.Value), s.Source.Filename, ContentStart(s));

    private static HclValue Evaluate(JsonNode node, EvalContext? ctx, DiagnosticList diags)
    {
        switch (node)
        {
            case JsonStringNode s:
            {
                if (ctx == null)
                    return HclValue.String(s.Value);
                var parsed = ParseTemplate(s);
                if (parsed.HasErrors)
                {
                    diags.AddRange(parsed.Diagnostics);
                    return HclValue.DynamicVal;
                }
                var r = HclEvaluator.Evaluate(parsed.Root, ctx);
                diags.AddRange(r.Diagnostics);
                return r.Value;
            }
            case JsonNumberNode n:
                return HclNumber.TryParse(n.Text, out var num) ? HclValue.Number(num) : HclValue.DynamicVal;
            case JsonKeywordNode k:
                return k.Keyword switch
                {
                    JsonKeyword.True => HclValue.True,
                    JsonKeyword.False => HclValue.False,
                    _ => HclValue.Null,
                };
            case JsonArrayNode a:
            {
                var items = new HclValue[a.Items.Count];
                for (int i = 0; i < items.Length; i++)
                    items[i] = Evaluate(a.Items[i], ctx, diags);
                return HclValue.Tuple(items);
            }
            case JsonObjectNode o:
                return EvaluateObject(o, ctx, diags);
            default:
                return HclValue.DynamicVal;
        }
    }

    private static HclValue EvaluateObject(JsonObjectNode o, EvalContext? ctx, DiagnosticList diags)
    {
        var attrs = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var ranges = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        var order = new List<string>();
        bool known = true;
        foreach (var p in o.Properties)
        {
            var name = Evaluate(p.NameNode, ctx, diags);
            var val = Evaluate(p.Value, ctx, diags);
            var converted = HclConvert.Convert(name, HclType.String);
            if (!converted.IsSuccess)
            {
                diags.Error("Invalid object key expression", $"Cannot use this expression as an object key: {converted.Error!.Message}.", p.NameRange);
                continue;
            }
            name = converted.Value!;
            if (name.IsNull)
            {
                diags.Error("Invalid object key expression", "Cannot use null value as an object key.", p.NameRange);
                continue;
            }
            if (!name.IsKnown)
            {
                known = false;
                continue;
            }
            var key = name.AsString();
            if (ranges.TryGetValue(key, out var prev))
            {
                diags.Error("Duplicate object attribute", $"An attribute named \"{key}\" was already defined at {prev}.", p.NameRange);
                continue;
            }
            attrs[key] = val;
            ranges[key] = p.NameRange;
            order.Add(key);
        }
        if (!known)
            return HclValue.DynamicVal;
        return HclValue.Object(order.Select(k => new KeyValuePair<string, HclValue>(k, attrs[k])));
    }

    private static void CollectVariables(JsonNode node, List<Traversal> vars)
    {
        switch (node)
        {
            case JsonStringNode s:
            {
                if (!s.Value.Contains("${", StringComparison.Ordinal) && !s.Value.Contains("%{", StringComparison.Ordinal))
                    return;
                var parsed = ParseTemplate(s);
                if (!parsed.HasErrors)
                    vars.AddRange(parsed.Root.Variables());
                return;
            }
            case JsonArrayNode a:
                foreach (var item in a.Items)
                    CollectVariables(item, vars);
                return;
            case JsonObjectNode o:
                foreach (var p in o.Properties)
                {
                    CollectVariables(p.NameNode, vars);
                    CollectVariables(p.Value, vars);
                }
                return;
        }
    }
}
