using System.Globalization;
using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Evaluation;

/// <summary>Helpers for evaluation tests: a standard scope, compact value rendering and diagnostic descriptions.</summary>
internal static class EvalTestSupport
{
    public static HclValue Sens(HclValue v) => v.Mark(HclMarks.Sensitive);

    /// <summary>Test functions named as stand-ins for real library functions.</summary>
    public static readonly HclFunction Upper = new(
        "upper",
        [new FunctionParameter("str", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) => HclValue.String(args[0].AsString().ToUpperInvariant()));

    public static readonly HclFunction Concat = new(
        "concat",
        [],
        new FunctionParameter("seqs", HclType.List(HclType.String)),
        HclFunction.Returns(HclType.List(HclType.String)),
        (args, _) =>
        {
            var all = new List<HclValue>();
            foreach (var a in args)
                all.AddRange(a.Elements);
            return HclValue.ListOf(HclType.String, all);
        });

    public static readonly HclFunction Add = new(
        "add",
        [new FunctionParameter("a", HclType.Number), new FunctionParameter("b", HclType.Number)],
        null,
        HclFunction.Returns(HclType.Number),
        (args, _) => args[0].Add(args[1]).ValueOrThrow());

    public static readonly HclFunction Fail = new(
        "fail",
        [new FunctionParameter("msg", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) => FunctionResult.Fail(args[0].AsString()));

    public static readonly HclFunction BlameSecond = new(
        "blame",
        [new FunctionParameter("a", HclType.String), new FunctionParameter("b", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (_, _) => FunctionResult.Fail("Invalid value for \"b\" parameter: b is bad.", 1, FunctionErrorKind.InvalidArgument));

    public static readonly HclFunction Length = new(
        "length",
        [new FunctionParameter("value", HclType.Dynamic) { AllowMarked = false }],
        null,
        HclFunction.Returns(HclType.Number),
        (args, _) => args[0].Type.IsString ? HclValue.Number(args[0].AsString().Length) : args[0].Length());

    public static readonly HclFunction Identity = new(
        "identity",
        [new FunctionParameter("v", HclType.Dynamic) { AllowNull = true, AllowUnknown = true, AllowMarked = true, AllowDynamicType = true }],
        null,
        args => args[0].Type,
        (args, _) => args[0]);

    public static FunctionTable Functions { get; } =
        new([Upper, Concat, Add, Fail, BlameSecond, Length, Identity, HclFunctions.Try, HclFunctions.Can]);

    public static Dictionary<string, HclValue> DefaultVariables() => new(StringComparer.Ordinal)
    {
        ["str"] = HclValue.String("hello"),
        ["num"] = HclValue.Number(42),
        ["t"] = HclValue.True,
        ["f"] = HclValue.False,
        ["nul"] = HclValue.Null,
        ["nulstr"] = HclValue.NullOf(HclType.String),
        ["list"] = HclValue.List(HclValue.String("a"), HclValue.String("b"), HclValue.String("c")),
        ["emptylist"] = HclValue.ListOf(HclType.String),
        ["nums"] = HclValue.List(HclValue.Number(1), HclValue.Number(2), HclValue.Number(3)),
        ["tup"] = HclValue.Tuple(HclValue.String("x"), HclValue.Number(1), HclValue.True),
        ["set"] = HclValue.Set(HclValue.String("b"), HclValue.String("a")),
        ["map"] = HclValue.Map([new("a", HclValue.Number(1)), new("b", HclValue.Number(2))]),
        ["obj"] = HclValue.Object(("name", HclValue.String("n")), ("size", HclValue.Number(3)), ("tags", HclValue.Map([new("env", HclValue.String("prod"))]))),
        ["objs"] = HclValue.List(
            HclValue.Object(("id", HclValue.String("i1")), ("n", HclValue.Number(1))),
            HclValue.Object(("id", HclValue.String("i2")), ("n", HclValue.Number(2)))),
        ["objset"] = HclValue.Set(HclValue.Object(("id", HclValue.String("s1")))),
        ["unk"] = HclValue.DynamicVal,
        ["unkstr"] = HclValue.UnknownOf(HclType.String),
        ["unknum"] = HclValue.UnknownOf(HclType.Number),
        ["unkbool"] = HclValue.UnknownOf(HclType.Bool),
        ["unklist"] = HclValue.UnknownOf(HclType.List(HclType.String)),
        ["unkobjs"] = HclValue.UnknownOf(HclType.List(HclType.Object(("id", HclType.String)))),
        ["unkobj"] = HclValue.UnknownOf(HclType.Object(("a", HclType.String))),
        ["partial"] = HclValue.List(HclValue.String("a"), HclValue.UnknownOf(HclType.String)),
        ["secret"] = Sens(HclValue.String("s3cr3t")),
        ["secretnum"] = Sens(HclValue.Number(5)),
        ["secretbool"] = Sens(HclValue.True),
        ["secretlist"] = Sens(HclValue.List(HclValue.String("x"), HclValue.String("y"))),
        ["secretmap"] = Sens(HclValue.Map([new("k", HclValue.String("v"))])),
        ["secretobj"] = Sens(HclValue.Object(("a", HclValue.String("A")))),
        ["listofsecret"] = HclValue.Tuple(Sens(HclValue.String("p")), HclValue.String("q")),
        ["strnum"] = HclValue.String("7"),
    };

    public static EvalContext DefaultContext() => new(DefaultVariables(), Functions);

    public static Expression Parse(string src)
    {
        var p = HclSyntax.ParseExpression(Encoding.UTF8.GetBytes(src), "test.hcl");
        Assert.False(p.Diagnostics.HasErrors, "parse errors: " + p.Diagnostics);
        return p.Root;
    }

    public static Expression ParseTemplate(string src)
    {
        var p = HclSyntax.ParseTemplate(Encoding.UTF8.GetBytes(src), "test.tmpl");
        Assert.False(p.Diagnostics.HasErrors, "parse errors: " + p.Diagnostics);
        return p.Root;
    }

    public static EvalResult Eval(string src, EvalContext? ctx) => HclEvaluator.Evaluate(Parse(src), ctx);

    public static EvalResult Eval(string src) => Eval(src, DefaultContext());

    /// <summary>Evaluates and asserts there are no diagnostics; returns the rendered value.</summary>
    public static string Ok(string src, EvalContext? ctx = null)
    {
        var r = Eval(src, ctx ?? DefaultContext());
        Assert.True(r.Diagnostics.Count == 0, $"unexpected diagnostics for {src}:\n{DescribeAll(r.Diagnostics)}");
        return Render(r.Value);
    }

    public static string DescribeAll(IEnumerable<Diagnostic> diags) => string.Join("\n", diags.Select(Describe));

    /// <summary><c>Summary; Detail @ subject</c> with the subject as <c>line:col-line:col</c>.</summary>
    public static string Describe(Diagnostic d)
    {
        var s = d.Subject is { } r ? $" @ {r.Start.Line}:{r.Start.Column}-{r.End.Line}:{r.End.Column}" : "";
        return $"{d.Summary}; {d.Detail}{s}";
    }

    /// <summary>A compact, type-revealing rendering: <c>"s"</c>, <c>1.5</c>, <c>list["a"]</c>, <c>unknown(string)</c>, <c>sensitive(...)</c>.</summary>
    public static string Render(HclValue v)
    {
        var sb = new StringBuilder();
        Render(v, sb);
        return sb.ToString();
    }

    private static void Render(HclValue v, StringBuilder sb)
    {
        var (u, marks) = v.Unmark();
        if (!marks.IsEmpty)
        {
            sb.Append(string.Join(",", marks)).Append('(');
            Render(u, sb);
            sb.Append(')');
            return;
        }

        if (!u.IsKnown)
        {
            sb.Append("unknown(").Append(u.Type.ToTypeExpressionString()).Append(')');
            return;
        }

        if (u.IsNull)
        {
            sb.Append("null(").Append(u.Type.ToTypeExpressionString()).Append(')');
            return;
        }

        var t = u.Type;
        switch (t.Kind)
        {
            case HclTypeKind.String:
                sb.Append('"').Append(u.AsString().Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")).Append('"');
                break;
            case HclTypeKind.Number:
                sb.Append(u.AsNumber().ToString());
                break;
            case HclTypeKind.Bool:
                sb.Append(u.AsBool() ? "true" : "false");
                break;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
                sb.Append(t.IsList ? "list[" : t.IsSet ? "set[" : "[");
                for (var i = 0; i < u.Elements.Count; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    Render(u.Elements[i], sb);
                }

                if (u.Elements.Count == 0 && !t.IsTuple)
                    sb.Append(':').Append(t.ElementType.ToTypeExpressionString());
                sb.Append(']');
                break;
            default:
                sb.Append(t.IsMap ? "map{" : "{");
                var first = true;
                foreach (var (k, ev) in u.Attributes)
                {
                    if (!first)
                        sb.Append(", ");
                    first = false;
                    sb.Append(k).Append('=');
                    Render(ev, sb);
                }

                if (u.Attributes.Count == 0 && t.IsMap)
                    sb.Append(':').Append(t.ElementType.ToTypeExpressionString());
                sb.Append('}');
                break;
        }
    }

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
