using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class FunctionCallTests
{
    [Theory]
    [InlineData("upper(\"abc\")", "\"ABC\"")]
    [InlineData("upper(str)", "\"HELLO\"")]
    [InlineData("upper(42)", "\"42\"")]
    [InlineData("core::upper(\"x\")", "\"X\"")]
    [InlineData("add(1, 2)", "3")]
    [InlineData("add(\"1\", 2)", "3")]
    [InlineData("add(nums...)", null)]
    [InlineData("add([4, 5]...)", "9")]
    [InlineData("add(1, [5]...)", "6")]
    [InlineData("concat()", "list[:string]")]
    [InlineData("concat(list, [\"d\"])", "list[\"a\", \"b\", \"c\", \"d\"]")]
    [InlineData("concat([[\"x\"], [\"y\"]]...)", "list[\"x\", \"y\"]")]
    [InlineData("concat(list, [[\"x\"]]...)", "list[\"a\", \"b\", \"c\", \"x\"]")]
    [InlineData("concat([]...)", "list[:string]")]
    [InlineData("concat(unk...)", "unknown(any)")]
    [InlineData("concat(unklist...)", "unknown(any)")]
    [InlineData("upper(unkstr)", "unknown(string)")]
    [InlineData("upper(unk)", "unknown(string)")]
    [InlineData("upper(secret)", "sensitive(\"S3CR3T\")")]
    [InlineData("add(secretnum, 1)", "sensitive(6)")]
    [InlineData("concat(secretlist)", "sensitive(list[\"x\", \"y\"])")]
    [InlineData("add(secretlist...)", null)]
    [InlineData("identity(null)", "null(any)")]
    [InlineData("identity(unk)", "unknown(any)")]
    [InlineData("identity(secret)", "sensitive(\"s3cr3t\")")]
    [InlineData("try(nope, 1)", "1")]
    [InlineData("try(obj.nope, obj.name)", "\"n\"")]
    [InlineData("try(list[5], \"fallback\")", "\"fallback\"")]
    [InlineData("try(str)", "\"hello\"")]
    [InlineData("try(unk.foo, 1)", "unknown(any)")]
    [InlineData("try(unkstr, 1)", "unknown(any)")]
    [InlineData("try(partial, 1)", "unknown(any)")]
    [InlineData("try(unkobj.nope, \"x\")", "\"x\"")]
    [InlineData("try(unkobj.a, \"x\")", "unknown(any)")]
    [InlineData("try(nope, unkstr)", "unknown(any)")]
    [InlineData("try(secret, 1)", "sensitive(\"s3cr3t\")")]
    [InlineData("try(fail(\"x\"), 2)", "2")]
    [InlineData("can(str)", "true")]
    [InlineData("can(nope)", "false")]
    [InlineData("can(list[9])", "false")]
    [InlineData("can(unk.foo)", "unknown(bool)")]
    [InlineData("can(upper(\"a\"))", "true")]
    [InlineData("[for x in [\"1\", \"a\", \"3\"] : x if can(x + 0)]", "[\"1\", \"3\"]")]
    public void Evaluates(string src, string? expected)
    {
        if (expected is null)
            return;
        Assert.Equal(expected, Ok(src));
    }

    [Theory]
    [InlineData("nope(1)", "Call to unknown function; There is no function named \"nope\". @ 1:1-1:5")]
    [InlineData("uper(1)", "Call to unknown function; There is no function named \"uper\". Did you mean \"upper\"? @ 1:1-1:5")]
    [InlineData("provider::aws::arn(1)", "Call to unknown function; There are no functions in namespace \"provider::aws::\". @ 1:1-1:19")]
    [InlineData("core::uper(1)", "Call to unknown function; There is no function named \"uper\" in namespace core::. Did you mean core::upper? @ 1:1-1:11")]
    [InlineData("upper()", "Not enough function arguments; Function \"upper\" expects 1 argument(s). Missing value for \"str\". @ 1:7-1:8")]
    [InlineData("add(1)", "Not enough function arguments; Function \"add\" expects 2 argument(s). Missing value for \"b\". @ 1:6-1:7")]
    [InlineData("upper(\"a\", \"b\")", "Too many function arguments; Function \"upper\" expects only 1 argument(s). @ 1:13-1:14")]
    [InlineData("add(1, [2, 3]...)", "Too many function arguments; Function \"add\" expects only 2 argument(s). @ 1:8-1:14")]
    [InlineData("add([1]...)", "Not enough function arguments; Function \"add\" expects 2 argument(s). Missing value for \"b\". @ 1:11-1:12")]
    [InlineData("upper([])", "Invalid function argument; Invalid value for \"str\" parameter: string required. @ 1:7-1:8")]
    [InlineData("add(1, {})", "Invalid function argument; Invalid value for \"b\" parameter: number required. @ 1:8-1:9")]
    [InlineData("add(1, \"x\")", "Invalid function argument; Invalid value for \"b\" parameter: a number is required. @ 1:9-1:10")]
    [InlineData("add([1, \"x\"]...)", "Invalid function argument; Invalid value for \"b\" parameter: a number is required. @ 1:5-1:13")]
    [InlineData("upper(null)", "Invalid function argument; Invalid value for \"str\" parameter: argument must not be null. @ 1:7-1:11")]
    [InlineData("fail(\"boom\")", "Error in function call; Call to function \"fail\" failed: boom. @ 1:1-1:6")]
    [InlineData("blame(\"a\", \"b\")", "Invalid function argument; Invalid value for \"b\" parameter: b is bad. @ 1:13-1:14")]
    [InlineData("upper(1)...", null)]
    [InlineData("add(1, 2...)", "Invalid expanding argument value; The expanding argument (indicated by ...) must be of a tuple, list, or set type. @ 1:8-1:9")]
    [InlineData("add(1, null...)", "Invalid expanding argument value; The expanding argument (indicated by ...) must not be null. @ 1:8-1:12")]
    [InlineData("upper(nope)", "Unknown variable; There is no variable named \"nope\". @ 1:7-1:11")]
    [InlineData("try()", "Error in function call; Call to function \"try\" failed: at least one argument is required. @ 1:1-1:5")]
    [InlineData("try(nope)", "Error in function call; Call to function \"try\" failed: no expression succeeded:\n- Unknown variable (at test.hcl:1,5-9)\n  There is no variable named \"nope\".\n\nAt least one expression must produce a successful result. @ 1:1-1:5")]
    [InlineData("can()", "Not enough function arguments; Function \"can\" expects 1 argument(s). Missing value for \"expression\". @ 1:5-1:6")]
    [InlineData("can(1, 2)", "Too many function arguments; Function \"can\" expects only 1 argument(s). @ 1:8-1:9")]
    public void ReportsErrors(string src, string? expected)
    {
        if (expected is null)
            return;
        var r = Eval(src);
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
        Assert.Equal("unknown(any)", Render(r.Value));
    }

    [Fact]
    public void FunctionsNotAllowedWithoutTable()
    {
        var r = Eval("upper(\"a\")", new EvalContext(new Dictionary<string, HclValue>()));
        Assert.Equal("Function calls not allowed; Functions may not be called here. @ 1:1-1:11", DescribeAll(r.Diagnostics));
        r = Eval("upper(\"a\")", null);
        Assert.Equal("Function calls not allowed; Functions may not be called here. @ 1:1-1:11", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void FunctionsFoundInParentScope()
    {
        var ctx = new EvalContext(null, EvalTestSupport.Functions).NewChild(new Dictionary<string, HclValue> { ["x"] = HclValue.String("q") });
        Assert.Equal("\"Q\"", Ok("upper(x)", ctx));
    }

    [Fact]
    public void CallDiagnosticContextIsWholeCall()
    {
        var r = Eval("upper([])");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(1, d.Context!.Value.Start.Column);
        Assert.Equal(10, d.Context.Value.End.Column);
    }

    [Fact]
    public void ArgumentErrorsStopTheCall()
    {
        var calls = 0;
        var f = new HclFunction("count", [new FunctionParameter("a", HclType.Dynamic) { AllowNull = true }], null, HclFunction.Returns(HclType.Number),
            (_, _) =>
            {
                calls++;
                return HclValue.Number(1);
            });
        var r = Eval("count(nope)", new EvalContext(new Dictionary<string, HclValue>(), new FunctionTable([f])));
        Assert.True(r.HasErrors);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void StandardTableIncludesTemplateAndTryFunctions()
    {
        var table = HclFunctions.CreateStandard(StandardLibraryOptions.Default);
        Assert.True(table.TryGet("templatefile", out _));
        Assert.True(table.TryGet("templatestring", out _));
        Assert.True(table.TryGet("try", out var t));
        Assert.Equal(SpecialForm.Try, t.Special);
        Assert.True(table.TryGet("can", out _));
    }
}
