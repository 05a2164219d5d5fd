using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class TemplateFunctionTests
{
    private static readonly string TemplateDir = Path.Combine(AppContext.BaseDirectory, "testdata", "evaluation", "templates");

    private static EvalContext Ctx()
    {
        var options = new StandardLibraryOptions(TemplateDir, TimeProvider.System);
        var std = HclFunctions.CreateStandard(options);
        // Make sure the stand-in "upper" exists even while the library is being filled in.
        var table = std.TryGet("upper", out _) ? std : std.With([EvalTestSupport.Upper]);
        var withTemplates = table.With(TemplateFunctions.Create(options, () => withTemplatesRef!));
        withTemplatesRef = withTemplates;
        return new EvalContext(new Dictionary<string, HclValue>
        {
            ["secret"] = Sens(HclValue.String("pw")),
            ["unk"] = HclValue.DynamicVal,
        }, withTemplates);
    }

    private static FunctionTable? withTemplatesRef;

    [Theory]
    [InlineData("templatefile(\"hello.tftpl\", {name = \"World\", items = [\"a\", \"b\"]})", "\"Hello, World!\\n- a\\n- b\\n\"")]
    [InlineData("templatefile(\"raw.tftpl\", {value = [1, 2]})", "[1, 2]")]
    [InlineData("templatefile(\"raw.tftpl\", {value = 5})", "5")]
    [InlineData("templatefile(\"raw.tftpl\", {value = secret})", "sensitive(\"pw\")")]
    [InlineData("templatefile(\"raw.tftpl\", unk)", "unknown(any)")]
    [InlineData("templatefile(\"raw.tftpl\", {value = unk})", "unknown(any)")]
    [InlineData("templatefile(\"func.tftpl\", {name = \"x\"})", "\"X\"")]
    [InlineData("templatestring(\"a $${b}\", {b = 2})", "\"a 2\"")]
    [InlineData("templatestring(\"%%{ for x in xs }$${x};%%{ endfor }\", {xs = [1, 2]})", "\"1;2;\"")]
    public void Renders(string src, string expected) => Assert.Equal(expected, Ok(src, Ctx()));

    [Theory]
    [InlineData("templatefile(\"nope.tftpl\", {})", "Invalid function argument; Invalid value for \"path\" parameter: no file exists at nope.tftpl; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource. @ 1:15-1:25")]
    [InlineData("templatefile(\"missing.tftpl\", {})", "Invalid function argument; Invalid value for \"vars\" parameter: vars map does not contain key \"missing_var\", referenced at missing.tftpl:1,3-14. @ 1:31-1:32")]
    [InlineData("templatefile(\"raw.tftpl\", 1)", "Invalid function argument; Invalid value for \"vars\" parameter: invalid vars value: must be a map. @ 1:27-1:28")]
    [InlineData("templatefile(\"raw.tftpl\", {\"not ok\" = 1, value = 1})", "Invalid function argument; Invalid value for \"vars\" parameter: invalid template variable name \"not ok\": must start with a letter, followed by zero or more letters, digits, and underscores. @ 1:27-1:28")]
    [InlineData("templatefile(\"binary.tftpl\", {})", "Invalid function argument; Invalid value for \"path\" parameter: contents of binary.tftpl are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead. @ 1:15-1:27")]
    public void ReportsErrors(string src, string expected)
    {
        var r = Eval(src, Ctx());
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void RecursionIsAnError()
    {
        var r = Eval("templatefile(\"recursive.tftpl\", {})", Ctx());
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("Error in function call", d.Summary);
        Assert.True(d.Detail.Contains("cannot recursively", StringComparison.Ordinal), d.Detail);
        Assert.Contains("cannot recursively call templatefile from inside templatefile call", d.Detail);
        Assert.StartsWith("Call to function \"templatefile\" failed: recursive.tftpl:1,3-", d.Detail);
    }

    [Fact]
    public void TemplateSyntaxErrorIsReported()
    {
        var r = Eval("templatefile(\"bad.tftpl\", {})", Ctx());
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("Error in function call", d.Summary);
        Assert.StartsWith("Call to function \"templatefile\" failed: bad.tftpl:1,", d.Detail);
    }

    [Fact]
    public void SensitivePathIsRedacted()
    {
        var r = Eval("templatefile(secret, {})", Ctx());
        Assert.Contains("no file exists at (sensitive value)", DescribeAll(r.Diagnostics));
    }
}
