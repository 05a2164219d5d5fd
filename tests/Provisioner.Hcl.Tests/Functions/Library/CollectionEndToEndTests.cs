using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

/// <summary>
/// The numeric, string and collection functions called from HCL source through the evaluator, with Terraform's
/// documented examples and diagnostics.
/// </summary>
public sealed class CollectionEndToEndTests
{
    private static readonly FunctionTable Functions = HclFunctions.CreateStandard(StandardLibraryOptions.Default);

    private static EvalResult Eval(string source)
    {
        var parsed = HclSyntax.ParseExpression(source, "test.hcl");
        Assert.False(parsed.HasErrors, $"parse errors in {source}");
        return HclEvaluator.Evaluate(parsed.Root, new EvalContext(null, Functions));
    }

    public static TheoryData<string, string> Examples => new()
    {
        { "max(5, 12, 9)", "12" },
        { "max([12, 54, 3]...)", "54" },
        { "min(12, 54, 3)", "3" },
        { "abs(-12.4)", "12.4" },
        { "ceil(5.1)", "6" },
        { "floor(-5.1)", "-6" },
        { "log(16, 2)", "4" },
        { "pow(3, 2)", "9" },
        { "signum(-13)", "-1" },
        { "parseint(\"FF\", 16)", "255" },
        { "parseint(\"-10\", 2)", "-2" },
        { "sum([10, 13, 6, 4.5])", "33.5" },
        { "format(\"Hello, %s!\", \"Ander\")", "\"Hello, Ander!\"" },
        { "format(\"There are %d lights\", 4)", "\"There are 4 lights\"" },
        { "format(\"%.2f\", 1/3)", "\"0.33\"" },
        { "format(\"%-5s|%5s\", \"ab\", \"cd\")", "\"ab   |   cd\"" },
        { "formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])", "[\"Hello, Valentina!\", \"Hello, Ander!\"]" },
        { "formatlist(\"%s, %s!\", \"Salutations\", [\"Valentina\", \"Ander\"])", "[\"Salutations, Valentina!\", \"Salutations, Ander!\"]" },
        { "join(\", \", [\"foo\", \"bar\", \"baz\"])", "\"foo, bar, baz\"" },
        { "split(\",\", \"foo,bar,baz\")", "[\"foo\", \"bar\", \"baz\"]" },
        { "regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")", "\"aaabbbccc\"" },
        { "regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")", "[\"2019\", \"02\", \"01\"]" },
        { "regex(\"^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?\", \"https://terraform.io/docs/\")", "{ authority = \"terraform.io\", scheme = \"https\" }" },
        { "regexall(\"[a-z]+\", \"1234abcd5678efgh9\")", "[\"abcd\", \"efgh\"]" },
        { "length(regexall(\"[a-z]+\", \"1234abcd5678efgh9\"))", "2" },
        { "replace(\"1 + 2 + 3\", \"+\", \"-\")", "\"1 - 2 - 3\"" },
        { "replace(\"hello world\", \"/w.*d/\", \"everybody\")", "\"hello everybody\"" },
        { "title(\"hello world\")", "\"Hello World\"" },
        { "upper(\"hello\")", "\"HELLO\"" },
        { "lower(\"HELLO\")", "\"hello\"" },
        { "substr(\"hello world\", 1, 4)", "\"ello\"" },
        { "substr(\"🤔🤷\", 0, 1)", "\"🤔\"" },
        { "strrev(\"hello\")", "\"olleh\"" },
        { "trim(\"?!hello?!\", \"!?\")", "\"hello\"" },
        { "trimprefix(\"helloworld\", \"hello\")", "\"world\"" },
        { "trimsuffix(\"helloworld\", \"world\")", "\"hello\"" },
        { "trimspace(\"  hello\\n\\n\")", "\"hello\"" },
        { "chomp(\"hello\\n\\n\")", "\"hello\"" },
        { "indent(2, \"[\\n  foo,\\n]\")", "\"[\\n    foo,\\n  ]\"" },
        { "startswith(\"hello world\", \"hello\")", "true" },
        { "endswith(\"hello world\", \"hello\")", "false" },
        { "strcontains(\"hello world\", \"wor\")", "true" },
        { "length(\"💃\")", "1" },
        { "length({ a = 1, b = 2 })", "2" },
        { "alltrue([true, \"true\"])", "true" },
        { "anytrue([false, false])", "false" },
        { "chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 2)", "[[\"a\", \"b\"], [\"c\", \"d\"], [\"e\"]]" },
        { "coalesce(\"\", \"b\")", "\"b\"" },
        { "coalesce(1, 2)", "1" },
        { "coalescelist([], [\"c\", \"d\"])", "[\"c\", \"d\"]" },
        { "compact([\"a\", \"\", \"b\", null])", "[\"a\", \"b\"]" },
        { "concat([\"a\", \"\"], [\"b\", \"c\"])", "[\"a\", \"\", \"b\", \"c\"]" },
        { "contains([\"a\", \"b\", \"c\"], \"a\")", "true" },
        { "distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])", "[\"a\", \"b\", \"c\", \"d\"]" },
        { "element([\"a\", \"b\", \"c\"], 3)", "\"a\"" },
        { "element([\"a\", \"b\", \"c\"], -1)", "\"c\"" },
        { "flatten([[\"a\", \"b\"], [], [\"c\"]])", "[\"a\", \"b\", \"c\"]" },
        { "flatten([[[\"a\", \"b\"], []], [\"c\"]])", "[\"a\", \"b\", \"c\"]" },
        { "index([\"a\", \"b\", \"c\"], \"b\")", "1" },
        { "keys({ a = 1, c = 2, d = 3 })", "[\"a\", \"c\", \"d\"]" },
        { "values({ a = 3, c = 2, d = 1 })", "[3, 2, 1]" },
        { "lookup({ a = \"ay\", b = \"bee\" }, \"a\", \"what?\")", "\"ay\"" },
        { "lookup({ a = \"ay\", b = \"bee\" }, \"c\", \"what?\")", "\"what?\"" },
        { "matchkeys([\"i-123\", \"i-abc\", \"i-def\"], [\"us-west\", \"us-east\", \"us-east\"], [\"us-east\"])", "[\"i-abc\", \"i-def\"]" },
        { "merge({ a = \"b\", c = \"d\" }, { e = \"f\", c = \"z\" })", "{ a = \"b\", c = \"z\", e = \"f\" }" },
        { "one([])", "null" },
        { "one([\"hello\"])", "\"hello\"" },
        { "range(3)", "[0, 1, 2]" },
        { "range(1, 8, 2)", "[1, 3, 5, 7]" },
        { "range(1, 4, 0.5)", "[1, 1.5, 2, 2.5, 3, 3.5]" },
        { "range(4, 1)", "[4, 3, 2]" },
        { "reverse([1, 2, 3])", "[3, 2, 1]" },
        { "setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\", \"d\"])", "toset([\"b\"])" },
        { "setproduct([\"development\", \"staging\"], [\"app1\", \"app2\"])", "[[\"development\", \"app1\"], [\"development\", \"app2\"], [\"staging\", \"app1\"], [\"staging\", \"app2\"]]" },
        { "setsubtract([\"a\", \"b\", \"c\"], [\"a\", \"c\"])", "toset([\"b\"])" },
        { "setunion([\"a\", \"b\"], [\"b\", \"c\"], [\"d\"])", "toset([\"a\", \"b\", \"c\", \"d\"])" },
        { "slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)", "[\"b\", \"c\"]" },
        { "sort([\"e\", \"d\", \"a\", \"x\"])", "[\"a\", \"d\", \"e\", \"x\"]" },
        { "transpose({ a = [\"1\", \"2\"], b = [\"2\", \"3\"] })", "{ \"1\" = [\"a\"], \"2\" = [\"a\", \"b\"], \"3\" = [\"b\"] }" },
        { "zipmap([\"a\", \"b\"], [1, 2])", "{ a = 1, b = 2 }" },
        { "core::upper(\"x\")", "\"X\"" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_EvaluatesAsInTerraform(string source, string expected)
    {
        var r = Eval(source);
        Assert.False(r.HasErrors, string.Join("; ", r.Diagnostics.Select(d => d.Summary + ": " + d.Detail)));
        Assert.Equal(expected, r.Value.ToString());
    }

    public static TheoryData<string, string, string> Errors => new()
    {
        { "element([], 0)", "Error in function call", "Call to function \"element\" failed: cannot use element function with an empty list." },
        { "index([\"a\"], \"b\")", "Error in function call", "Call to function \"index\" failed: item not found." },
        { "lookup({ a = 1 }, \"x\")", "Invalid function argument", "Invalid value for \"inputMap\" parameter: the given object has no attribute \"x\"." },
        { "lookup(tomap({ a = 1 }), \"x\")", "Error in function call", "Call to function \"lookup\" failed: lookup failed to find key \"x\"." },
        { "one([1, 2])", "Invalid function argument", "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements." },
        { "range(1, 4, 0)", "Invalid function argument", "Invalid value for \"params\" parameter: step must not be zero." },
        { "sum([])", "Invalid function argument", "Invalid value for \"list\" parameter: cannot sum an empty list." },
        { "format(\"%d\", \"x\")", "Error in function call", "Call to function \"format\" failed: unsupported value for \"%d\" at 0: a number is required." },
        { "regex(\"[\", \"x\")", "Invalid function argument", "Invalid value for \"pattern\" parameter: invalid regexp pattern: missing closing ] in [." },
        { "list(\"a\")", "Error in function call", "Call to function \"list\" failed: the \"list\" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list." },
        { "map(\"a\", 1)", "Error in function call", "Call to function \"map\" failed: the \"map\" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map." },
        { "max()", "Error in function call", "Call to function \"max\" failed: must pass at least one number." },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Error_ReportedAsInTerraform(string source, string summary, string detail)
    {
        var r = Eval(source);
        var d = Assert.Single(r.Diagnostics, x => x.Summary == summary);
        Assert.Equal(detail, d.Detail);
    }
}
