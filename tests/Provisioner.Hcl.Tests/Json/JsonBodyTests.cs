using System.Globalization;
using System.Text;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Tests.Syntax;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>Schema-driven decoding of JSON-syntax bodies (attributes, blocks with labels, comments, errors).</summary>
public sealed class JsonBodyTests
{
    private static IHclBody Body(string src)
    {
        var r = HclJsonSyntax.Parse(Encoding.UTF8.GetBytes(src), "t.json");
        Assert.False(r.HasErrors, r.Diagnostics.ToString());
        return r.File.Body;
    }

    private static string Diags(Provisioner.Hcl.Diagnostics.DiagnosticList diags) =>
        string.Join("\n", diags.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Subject}: {d.Summary}")));

    private static readonly BodySchema Schema = new(
        [new AttributeSchema("name", Required: true), new AttributeSchema("count")],
        [new BlockHeaderSchema("resource", ["type", "name"]), new BlockHeaderSchema("lifecycle")]);

    [Fact]
    public void Content_AttributesAndLabelledBlocks_InOrder()
    {
        var body = Body("""
            {
              "//": "a comment",
              "name": "x",
              "resource": {
                "aws_instance": {
                  "web": { "ami": "a" },
                  "db": [{ "ami": "b" }, { "ami": "c" }]
                }
              },
              "resource": [{ "null_resource": { "n": {} } }],
              "lifecycle": [{}, {}],
              "count": 2
            }
            """);
        var (content, diags) = body.Content(Schema);
        Assert.Empty(diags);
        Assert.Equal(["name", "count"], content.Attributes.Keys);
        Assert.Equal("t.json:3,3-9", content.Attributes["name"].NameRange.ToString());
        Assert.Equal("t.json:3,3-14", content.Attributes["name"].Range.ToString());
        var blocks = content.Blocks.Select(b => b.Type + ":" + string.Join(".", b.Labels)).ToArray();
        Assert.Equal(["resource:aws_instance.web", "resource:aws_instance.db", "resource:aws_instance.db", "resource:null_resource.n", "lifecycle:", "lifecycle:"], blocks);
        var web = content.Blocks[0];
        Assert.Equal("t.json:4,3-13", web.TypeRange.ToString());
        Assert.Equal(["t.json:5,5-19", "t.json:6,7-12"], web.LabelRanges.Select(r => r.ToString()));
        Assert.Equal("t.json:6,14-15", web.DefRange.ToString());
        var inner = web.Body.JustAttributes();
        Assert.Empty(inner.Diagnostics);
        Assert.Equal("a", inner.Attributes["ami"].Expression.Evaluate(null).Value.AsString());
    }

    [Fact]
    public void Content_ExtraneousProperty_WithSuggestion()
    {
        var (_, diags) = Body("{\"name\": \"x\", \"nmae\": 1, \"resourse\": {}}").Content(Schema);
        Assert.Equal("t.json:1,15-21: Extraneous JSON object property", Diags(diags).Split('\n')[0]);
        Assert.Contains("Did you mean \"resource\"?", diags[1].Detail, StringComparison.Ordinal);
        Assert.Equal(2, diags.Count);
    }

    [Fact]
    public void Content_MissingRequired_AtClosingBrace()
    {
        var (_, diags) = Body("{\n}").Content(Schema);
        Assert.Equal("t.json:2,1-2: Missing required argument", Diags(diags));
    }

    [Fact]
    public void Content_DuplicateArgument()
    {
        var (_, diags) = Body("[{\"name\": \"x\"}, {\"name\": \"y\"}]").Content(Schema);
        Assert.Equal("t.json:1,18-24: Duplicate argument", Diags(diags));
        Assert.Contains("t.json:1,3-14", diags[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"lifecycle\": 1}", "t.json:1,28-29: Incorrect JSON value type")]
    [InlineData("{\"name\": \"x\", \"resource\": {}}", "t.json:1,27-28: Missing block label")]
    [InlineData("{\"name\": \"x\", \"resource\": [1]}", "t.json:1,28-29: Incorrect JSON value type\nt.json:1,27-28: Missing block label")]
    [InlineData("{\"name\": \"x\", \"resource\": {\"a\": \"b\"}}", "t.json:1,33-36: Incorrect JSON value type\nt.json:1,33-36: Missing block label")]
    [InlineData("[{\"name\": \"x\"}, 5]", "t.json:1,17-18: Incorrect JSON value type")]
    public void Content_MalformedBlocks(string src, string expected) => Assert.Equal(expected, Diags(Body(src).Content(Schema).Diagnostics));

    [Fact]
    public void Content_NullBlock_MeansNoBlocks()
    {
        var (content, diags) = Body("{\"name\": \"x\", \"lifecycle\": null, \"resource\": {\"a\": {\"b\": null}}}").Content(Schema);
        Assert.Empty(diags);
        Assert.Empty(content.Blocks);
    }

    [Fact]
    public void PartialContent_RemainHidesUsedNames()
    {
        var body = Body("{\"name\": \"x\", \"extra\": 1, \"//\": \"c\"}");
        var (content, remain, diags) = body.PartialContent(Schema);
        Assert.Empty(diags);
        Assert.Single(content.Attributes);
        var rest = remain.JustAttributes();
        Assert.Empty(rest.Diagnostics);
        Assert.Equal(["extra"], rest.Attributes.Keys);
        var (_, again) = remain.Content(new BodySchema([new AttributeSchema("extra")]));
        Assert.Empty(again);
    }

    [Fact]
    public void JustAttributes_ArrayBody_IsAnError()
    {
        var r = Body("[{\"a\": 1}]").JustAttributes();
        Assert.Equal("t.json:1,1-2: Incorrect JSON value type", Diags(r.Diagnostics));
    }

    [Fact]
    public void JustAttributes_Duplicate_IsAnError()
    {
        var r = Body("{\"a\": 1, \"a\": 2}").JustAttributes();
        Assert.Equal("t.json:1,10-13: Duplicate attribute definition", Diags(r.Diagnostics));
    }

    [Fact]
    public void MissingItemRange_ArrayBody_IsOpenBracket() =>
        Assert.Equal("t.json:1,1-2", Body("[{}]").MissingItemRange.ToString());

    [Fact]
    public void Specsuite_EmptyHclJson_DecodesWithoutDiagnostics()
    {
        var dir = SyntaxTestSupport.ConformanceDir();
        var path = dir == null ? null : Path.Combine(dir, "hcl-specsuite", "empty.hcl.json");
        var src = path != null && File.Exists(path) ? File.ReadAllBytes(path) : "{}"u8.ToArray();
        var r = HclJsonSyntax.Parse(src, "empty.hcl.json");
        Assert.Empty(r.Diagnostics);
        var (content, diags) = r.File.Body.Content(BodySchema.Empty);
        Assert.Empty(diags);
        Assert.Empty(content.Attributes);
        Assert.Empty(content.Blocks);
    }
}
