using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

/// <summary>Collections, conditionals, for expressions and splats.</summary>
public sealed class ExpressionTests
{
    [Theory]
    // literals and constructors
    [InlineData("true", "true")]
    [InlineData("null", "null(any)")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("[1, \"a\", true]", "[1, \"a\", true]")]
    [InlineData("[1, [2, [3]]]", "[1, [2, [3]]]")]
    [InlineData("{a = 1, b = \"x\"}", "{a=1, b=\"x\"}")]
    [InlineData("{a: 1, \"b\": 2}", "{a=1, b=2}")]
    [InlineData("{a = 1, a = 2}", "{a=2}")]
    [InlineData("{(str) = 1}", "{hello=1}")]
    [InlineData("{\"${str}-x\" = 1}", "{hello-x=1}")]
    [InlineData("{str = 1}", "{str=1}")]
    [InlineData("{true = 1, null = 2, for = 3}", "{for=3, null=2, true=1}")]
    [InlineData("{(num) = 1}", "{42=1}")]
    [InlineData("{(unkstr) = 1}", "unknown(any)")]
    [InlineData("{a = unk}", "{a=unknown(any)}")]
    [InlineData("{(secret) = 1}", "sensitive({s3cr3t=1})")]
    [InlineData("{a = secret}", "{a=sensitive(\"s3cr3t\")}")]
    [InlineData("[secret]", "[sensitive(\"s3cr3t\")]")]
    [InlineData("(((1)))", "1")]
    // conditionals
    [InlineData("t ? 1 : 2", "1")]
    [InlineData("f ? 1 : 2", "2")]
    [InlineData("\"true\" ? 1 : 2", "1")]
    [InlineData("t ? \"a\" : 1", "\"a\"")]
    [InlineData("f ? \"a\" : 1", "\"1\"")]
    [InlineData("t ? null : 1", "null(number)")]
    [InlineData("f ? 1 : null", "null(number)")]
    [InlineData("t ? [] : [\"a\"]", "list[:string]")]
    [InlineData("t ? {a = 1} : {b = 1}", "map{a=1}")]
    [InlineData("f ? [1, 2] : [3]", "list[3]")]
    [InlineData("f ? list : []", "list[:string]")]
    [InlineData("t ? list : [\"x\"]", "list[\"a\", \"b\", \"c\"]")]
    [InlineData("f ? list : [\"x\"]", "list[\"x\"]")]
    [InlineData("t ? {a = 1} : {a = 2, b = 3}", "map{a=1}")]
    [InlineData("t ? unk : 1", "unknown(any)")]
    [InlineData("f ? unk : 1", "1")]
    [InlineData("unkbool ? 1 : 2", "unknown(number)")]
    [InlineData("unkbool ? \"a\" : 1", "unknown(string)")]
    [InlineData("unkbool ? null : null", "null(any)")]
    [InlineData("f ? secret : \"x\"", "sensitive(\"x\")")]
    [InlineData("t ? 1 : secretnum", "sensitive(1)")]
    [InlineData("unkbool ? secret : \"x\"", "sensitive(unknown(string))")]
    [InlineData("unk ? 1 : 2", "unknown(number)")]
    [InlineData("t ? nope_ok_not_taken_is_fine : 1", null)]
    [InlineData("f ? 1 : 2 + 3", "5")]
    [InlineData("t ? f ? 1 : 2 : 3", "2")]
    [InlineData("secretbool ? 1 : 2", "sensitive(1)")]
    [InlineData("t ? secret : \"x\"", "sensitive(\"s3cr3t\")")]
    // for expressions
    [InlineData("[for x in list : upper(x)]", "[\"A\", \"B\", \"C\"]")]
    [InlineData("[for i, x in list : i]", "[0, 1, 2]")]
    [InlineData("[for x in tup : x]", "[\"x\", 1, true]")]
    [InlineData("[for k, v in map : \"${k}=${v}\"]", "[\"a=1\", \"b=2\"]")]
    [InlineData("[for k, v in obj : k]", "[\"name\", \"size\", \"tags\"]")]
    [InlineData("[for x in set : x]", "[\"a\", \"b\"]")]
    [InlineData("[for k, v in set : k]", "[\"a\", \"b\"]")]
    [InlineData("[for x in nums : x * 2 if x != 2]", "[2, 6]")]
    [InlineData("[for x in [] : x]", "[]")]
    [InlineData("{for x in list : x => upper(x)}", "{a=\"A\", b=\"B\", c=\"C\"}")]
    [InlineData("{for i, x in list : x => i}", "{a=0, b=1, c=2}")]
    [InlineData("{for x in nums : x => x * x if x > 1}", "{2=4, 3=9}")]
    [InlineData("{for x in [\"a\", \"bb\", \"cc\"] : length(x) => x...}", "{1=[\"a\"], 2=[\"bb\", \"cc\"]}")]
    [InlineData("{for o in objs : o.id => o.n}", "{i1=1, i2=2}")]
    [InlineData("[for x in [for y in nums : y + 1] : x * 10]", "[20, 30, 40]")]
    [InlineData("[for x in nums : [for y in nums : x * y if y <= x]]", "[[1], [2, 4], [3, 6, 9]]")]
    [InlineData("[for x in unklist : x]", "unknown(any)")]
    [InlineData("[for x in unk : x]", "unknown(any)")]
    [InlineData("{for x in unklist : x => x}", "unknown(any)")]
    [InlineData("[for x in partial : x]", "[\"a\", unknown(string)]")]
    [InlineData("[for x in nums : x if unkbool]", "unknown(any)")]
    [InlineData("{for x in list : x => unk}", "{a=unknown(any), b=unknown(any), c=unknown(any)}")]
    [InlineData("{for x in partial : x => 1}", "unknown(any)")]
    [InlineData("[for x in secretlist : x]", "sensitive([\"x\", \"y\"])")]
    [InlineData("[for x in nums : x if x == secretnum]", "sensitive([])")]
    [InlineData("[for x in unklist : x if secretbool]", "sensitive(unknown(any))")]
    [InlineData("{for x in list : x => secret}", "{a=sensitive(\"s3cr3t\"), b=sensitive(\"s3cr3t\"), c=sensitive(\"s3cr3t\")}")]
    [InlineData("[for x in listofsecret : x]", "[sensitive(\"p\"), \"q\"]")]
    [InlineData("[for x in list : str]", "[\"hello\", \"hello\", \"hello\"]")]
    [InlineData("[for str in list : str]", "[\"a\", \"b\", \"c\"]")]
    // splats
    [InlineData("objs[*].id", "list[\"i1\", \"i2\"]")]
    [InlineData("objs.*.id", "list[\"i1\", \"i2\"]")]
    [InlineData("objs[*].n", "list[1, 2]")]
    [InlineData("objs[*]", "list[{id=\"i1\", n=1}, {id=\"i2\", n=2}]")]
    [InlineData("[{a = 1}, {a = \"x\"}][*].a", "[1, \"x\"]")]
    [InlineData("[{a = [1, 2]}, {a = [3]}][*].a[0]", "[1, 3]")]
    [InlineData("obj[*].name", "[\"n\"]")]
    [InlineData("obj.*.name", "[\"n\"]")]
    [InlineData("nul[*]", "[]")]
    [InlineData("nul[*].a", "[]")]
    [InlineData("emptylist[*]", "list[:string]")]
    [InlineData("objset[*].id", "list[\"s1\"]")]
    [InlineData("unkobjs[*].id", "unknown(list(string))")]
    [InlineData("unk[*].id", "unknown(any)")]
    [InlineData("unkobj[*].a", "unknown(any)")]
    [InlineData("secretlist[*]", "sensitive(list[\"x\", \"y\"])")]
    [InlineData("length(objs[*].id)", "2")]
    [InlineData("[[1, 2], [3]][*][0]", "[1, 3]")]
    public void Evaluates(string src, string? expected)
    {
        if (expected is null)
            return;
        Assert.Equal(expected, Ok(src));
    }

    [Theory]
    [InlineData("1 ? 2 : 3", "Incorrect condition type; The condition expression must be of type bool. @ 1:1-1:2", "unknown(number)")]
    [InlineData("nul ? 2 : 3", "Null condition; The condition value is null. Conditions must either be true or false. @ 1:1-1:4", "unknown(number)")]
    [InlineData("t ? [1] : {a = 1}", "Inconsistent conditional result types; The true and false result expressions must have consistent types. The 'true' value is tuple, but the 'false' value is object. @ 1:5-1:18", "unknown(any)")]
    [InlineData("t ? {a = 1} : {b = []}", "Inconsistent conditional result types; The true and false result expressions must have consistent types. The 'true' value includes object attribute \"a\", which is absent in the 'false' value. @ 1:5-1:23", "unknown(any)")]
    [InlineData("t ? {a = 1} : {a = []}", "Inconsistent conditional result types; The true and false result expressions must have consistent types. Type mismatch for object attribute \"a\": The 'true' value is number, but the 'false' value is tuple. @ 1:5-1:23", "unknown(any)")]
    [InlineData("t ? [1, 2] : [[]]", "Inconsistent conditional result types; The true and false result expressions must have consistent types. The 'true' tuple has length 2, but the 'false' tuple has length 1. @ 1:5-1:18", "unknown(any)")]
    [InlineData("t ? [[]] : [\"a\"]", "Inconsistent conditional result types; The true and false result expressions must have consistent types. Type mismatch for tuple element 0: The 'true' value is tuple, but the 'false' value is string. @ 1:5-1:17", "unknown(any)")]
    [InlineData("t ? nope : 1", "Unknown variable; There is no variable named \"nope\". @ 1:5-1:9", "unknown(any)")]
    [InlineData("f ? 1 : nope", "Unknown variable; There is no variable named \"nope\". @ 1:9-1:13", "unknown(any)")]
    [InlineData("t ? \"a\" : \"b\" + 1", "", "\"a\"")]
    [InlineData("f ? \"a\" : \"b\" + 1", "Invalid operand; Unsuitable value for left operand: a number is required. @ 1:11-1:14", "unknown(string)")]
    [InlineData("t ? \"x\" : 1", "", "\"x\"")]
    [InlineData("t ? \"x\" : true", "", "\"x\"")]
    [InlineData("f ? \"x\" : 1 == 1 ? true : false", "", "\"true\"")]
    [InlineData("[for x in nul : x]", "Iteration over null value; A null value cannot be used as the collection in a 'for' expression. @ 1:11-1:14", "unknown(any)")]
    [InlineData("[for x in 5 : x]", "Iteration over non-iterable value; A value of type number cannot be used as the collection in a 'for' expression. @ 1:11-1:12", "unknown(any)")]
    [InlineData("[for x in list : x if x]", "Invalid 'for' condition; The 'if' clause value is invalid: a bool is required. @ 1:23-1:24", "unknown(any)")]
    [InlineData("[for x in list : x if 1]", "Invalid 'for' condition; The 'if' clause value is invalid: bool required. @ 1:23-1:24", "unknown(any)")]
    [InlineData("[for x in list : x if null]", "Condition is null; The value of the 'if' clause must not be null. @ 1:23-1:27", "unknown(any)")]
    [InlineData("[for x in list : x if nope]", "Unknown variable; There is no variable named \"nope\". @ 1:23-1:27", "unknown(any)")]
    [InlineData("{for x in list : \"k\" => x}", "Duplicate object key; Two different items produced the key \"k\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key. @ 1:18-1:21\nDuplicate object key; Two different items produced the key \"k\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key. @ 1:18-1:21", "{k=\"a\"}")]
    [InlineData("{for x in list : null => x}", "Invalid object key; Key expression in 'for' expression must not produce a null value. @ 1:18-1:22", "unknown(any)")]
    [InlineData("{for x in list : [] => x}", "Invalid object key; The key expression produced an invalid result: string required. @ 1:18-1:20", "unknown(any)")]
    [InlineData("[for x in list : x.y]", "Unsupported attribute; Can't access attributes on a primitive-typed value (string). @ 1:19-1:21\nUnsupported attribute; Can't access attributes on a primitive-typed value (string). @ 1:19-1:21\nUnsupported attribute; Can't access attributes on a primitive-typed value (string). @ 1:19-1:21", "[unknown(any), unknown(any), unknown(any)]")]
    [InlineData("{(null) = 1}", "Null value as key; Can't use a null value as a key. @ 1:11-1:12", "unknown(any)")]
    [InlineData("{([]) = 1}", "Incorrect key type; Can't use this value as a key: string required. @ 1:2-1:6", "unknown(any)")]
    [InlineData("{a.b = 1}", "Ambiguous attribute key; If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal. @ 1:2-1:5", "unknown(any)")]
    [InlineData("{(nope) = 1}", "Unknown variable; There is no variable named \"nope\". @ 1:3-1:7", "unknown(any)")]
    [InlineData("[1, nope]", "Unknown variable; There is no variable named \"nope\". @ 1:5-1:9", "[1, unknown(any)]")]
    [InlineData("nums[*].x", "Unsupported attribute; Can't access attributes on a primitive-typed value (number). @ 1:8-1:10\nUnsupported attribute; Can't access attributes on a primitive-typed value (number). @ 1:8-1:10\nUnsupported attribute; Can't access attributes on a primitive-typed value (number). @ 1:8-1:10", "unknown(list(any))")]
    [InlineData("nope[*].x", "Unknown variable; There is no variable named \"nope\". @ 1:1-1:5", "unknown(any)")]
    public void ReportsErrors(string src, string expectedDiags, string expectedValue)
    {
        var r = Eval(src);
        Assert.Equal(expectedDiags, DescribeAll(r.Diagnostics));
        Assert.Equal(expectedValue, Render(r.Value));
    }

    [Fact]
    public void ConditionalOnlyReportsChosenArmErrors()
    {
        var r = Eval("t ? 1 : nope");
        Assert.Empty(r.Diagnostics);
        Assert.Equal("1", Render(r.Value));
    }

    [Fact]
    public void NullSplatOfListIsError()
    {
        var ctx = new EvalContext(new Dictionary<string, HclValue> { ["l"] = HclValue.NullOf(HclType.List(HclType.String)) });
        var r = Eval("l[*]", ctx);
        Assert.Equal("Splat of null value; Splat expressions (with the * symbol) cannot be applied to null sequences. @ 1:1-1:2", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void ForExpressionsWorkWithoutContext()
    {
        Assert.Equal("[2, 4]", Ok("[for x in [1, 2] : x * 2]", null));
    }

    [Fact]
    public void InconsistentConditionalContextIsWholeExpression()
    {
        var r = Eval("t ? [1] : {a = 1}");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(1, d.Context!.Value.Start.Column);
        Assert.Equal(18, d.Context.Value.End.Column);
    }

    [Fact]
    public void SyntaxErrorNodesEvaluateToDynamicWithoutMoreErrors()
    {
        var p = Provisioner.Hcl.Syntax.HclSyntax.ParseExpression("1 + "u8.ToArray(), "x.hcl");
        Assert.True(p.Diagnostics.HasErrors);
        var r = HclEvaluator.Evaluate(p.Root, DefaultContext());
        Assert.False(r.HasErrors, DescribeAll(r.Diagnostics));
    }
}
