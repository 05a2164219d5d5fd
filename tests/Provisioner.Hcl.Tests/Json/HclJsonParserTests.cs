using System.Globalization;
using System.Text;
using Provisioner.Hcl.Json;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>The JSON scanner/parser of the HCL JSON syntax: accepted input, error summaries and ranges.</summary>
public sealed class HclJsonParserTests
{
    private static HclJsonParseResult Parse(string src) => HclJsonSyntax.Parse(Encoding.UTF8.GetBytes(src), "t.json");

    private static string FirstError(string src)
    {
        var d = Parse(src).Diagnostics.First(x => x.IsError);
        return string.Create(CultureInfo.InvariantCulture, $"{d.Subject}: {d.Summary}");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[{}, {\"a\": 1}]")]
    [InlineData("\uFEFF{}")]
    [InlineData(" {\n \"a\" : [1, -2.5e+10, 0, true, false, null, \"x\\u00e9\\n\", {\"b\": {}}]\n} \n")]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    public void Parse_Valid_NoDiagnostics(string src) => Assert.Empty(Parse(src).Diagnostics);

    [Theory]
    [InlineData("", "t.json:1,1-1: Missing value")]
    [InlineData("\"str\"", "t.json:1,1-6: Root value must be object")]
    [InlineData("1", "t.json:1,1-2: Root value must be object")]
    [InlineData("{} {}", "t.json:1,4-5: Extraneous data after value")]
    [InlineData("{\"a\": 1,}", "t.json:1,8-9: Trailing comma in object")]
    [InlineData("[1,]", "t.json:1,3-4: Trailing comma in array")]
    [InlineData("{\"a\" = 1}", "t.json:1,6-7: Missing property value colon")]
    [InlineData("{\"a\" 1}", "t.json:1,6-7: Missing property value colon")]
    [InlineData("{\"a\"}", "t.json:1,5-6: Missing object value")]
    [InlineData("{a: 1}", "t.json:1,2-3: Invalid JSON keyword")]
    [InlineData("{1: 1}", "t.json:1,2-3: Invalid object property name")]
    [InlineData("{\"a\": 1 \"b\": 2}", "t.json:1,16-16: Missing attribute seperator comma")]
    [InlineData("{\"x\": {\"a\": 1 \"b\": 2}, \"y\": 3}", "t.json:1,22-23: Missing attribute seperator comma")]
    [InlineData("[1 2]", "t.json:1,6-6: Missing attribute seperator comma")]
    [InlineData("[1: 2]", "t.json:1,7-7: Invalid array value")]
    [InlineData("{\"a\": 1", "t.json:1,1-2: Unclosed object")]
    [InlineData("[1", "t.json:1,1-2: Unclosed object")]
    [InlineData("{\"a\": 1]", "t.json:1,8-9: Mismatched braces")]
    [InlineData("[1}", "t.json:1,3-4: Mismatched brackets")]
    [InlineData("{\"a\": tru}", "t.json:1,7-10: Invalid JSON keyword")]
    [InlineData("{\"a\": 01}", "t.json:1,7-9: Invalid JSON number")]
    [InlineData("{\"a\": 1.}", "t.json:1,7-9: Invalid JSON number")]
    [InlineData("{\"a\": \"x\\q\"}", "t.json:1,11-12: Invalid JSON string")]
    [InlineData("{\"a\": \"x\\u12g4\"}", "t.json:1,14-15: Invalid JSON string")]
    [InlineData("{\"a\": \"x\ny\"}", "t.json:1,9-10: Invalid JSON string")]
    [InlineData("{\"a\": \"abc", "t.json:1,11-12: Invalid JSON string")]
    [InlineData("{\t\"a\": x}", "t.json:1,9-10: Invalid JSON keyword")]
    [InlineData("{\r\n\"a\": x}", "t.json:2,6-7: Invalid JSON keyword")]
    [InlineData("{\"e\u0301\u00e9\": x}", "t.json:1,8-9: Invalid JSON keyword")]
    [InlineData("{\"a\": é}", "t.json:1,7-8: Invalid start of value")]
    [InlineData("{\"a\": @}", "t.json:1,7-8: Invalid start of value")]
    [InlineData("{\n  \"é\": x}", "t.json:2,8-9: Invalid JSON keyword")]
    public void Parse_Invalid_FirstError(string src, string expected) => Assert.Equal(expected, FirstError(src));

    [Fact]
    public void Parse_InvalidKeyword_SuggestsTheKeyword() =>
        Assert.Contains("Did you mean \"true\"?", Parse("{\"a\": True}").Diagnostics.First().Detail, StringComparison.Ordinal);

    [Fact]
    public void Parse_JavaScriptIdentifier_Explained() =>
        Assert.Equal("The JavaScript identifier \"NaN\" cannot be used in JSON.", Parse("{\"a\": NaN}").Diagnostics.First().Detail);

    [Fact]
    public void Parse_InvalidString_ContextIsTheToken() =>
        Assert.Equal("t.json:1,7-12", Parse("{\"a\": \"x\\q\"}").Diagnostics.First().Context.ToString());

    [Fact]
    public void Parse_DeepNesting_ReportsErrorInsteadOfCrashing()
    {
        var src = new string('[', 200_000) + new string(']', 200_000);
        var r = Parse(src);
        Assert.True(r.HasErrors);
    }

    [Fact]
    public void Parse_LongSingleLine_IsLinear()
    {
        var sb = new StringBuilder("{");
        for (int i = 0; sb.Length < 3_000_000; i++)
            sb.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\": [\"v${x}\", 1.5, {\"n\": null}]");
        sb.Append('}');
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = Parse(sb.ToString());
        var (_, diags) = r.File.Body.Content(BodySchema.Empty);
        Assert.Empty(r.Diagnostics);
        Assert.NotEmpty(diags); // every property is extraneous; their ranges are cheap to compute
        Assert.True(sw.ElapsedMilliseconds < 15_000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void ParseExpression_AnyValue()
    {
        var r = HclJsonSyntax.ParseExpression(Encoding.UTF8.GetBytes("\"x\""), "v.json");
        Assert.False(r.HasErrors);
        Assert.Equal("string", r.Expression.JsonKind);
        Assert.Equal("v.json:1,1-4", r.Expression.Range.ToString());
    }
}
