using System.Text;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class BodySchemaTests
{
    private static NativeBody Body(string src)
    {
        var p = HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(src), "test.hcl");
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        return NativeBody.FromFile(p.Root);
    }

    private static readonly BodySchema Schema = new(
        [new AttributeSchema("name", Required: true), new AttributeSchema("count"), new AttributeSchema("tags")],
        [new BlockHeaderSchema("resource", ["type", "name"]), new BlockHeaderSchema("lifecycle"), new BlockHeaderSchema("provider", ["name"])]);

    [Fact]
    public void ContentReturnsAttributesAndBlocksInOrder()
    {
        var body = Body("""
            name = "x"
            resource "a" "b" {
              v = 1
            }
            lifecycle {}
            resource "c" "d" {}
            """);
        var (content, diags) = body.Content(Schema);
        Assert.Empty(diags);
        Assert.Equal(["name"], content.Attributes.Keys);
        Assert.Equal(["resource", "lifecycle", "resource"], content.Blocks.Select(b => b.Type));
        Assert.Equal(["a", "b"], content.Blocks[0].Labels);
        Assert.Equal(2, content.BlocksOfType("resource").Count);
        var name = content.Attributes["name"];
        Assert.Equal("1:1-1:11", Span(name.Range));
        Assert.Equal("1:1-1:5", Span(name.NameRange));
        Assert.Equal("\"x\"", Render(name.Expression.Evaluate(null).Value));
        var res = content.Blocks[0];
        Assert.Equal("2:1-2:17", Span(res.DefRange));
        Assert.Equal("2:1-2:9", Span(res.TypeRange));
        Assert.Equal(["2:10-2:13", "2:14-2:17"], res.LabelRanges.Select(Span));
        var (inner, innerDiags) = res.Body.JustAttributes();
        Assert.Empty(innerDiags);
        Assert.Equal("1", Render(inner["v"].Expression.Evaluate(null).Value));
    }

    [Fact]
    public void MissingRequiredArgument()
    {
        var (_, diags) = Body("count = 1\n").Content(Schema);
        Assert.Equal("Missing required argument; The argument \"name\" is required, but no definition was found. @ 1:1-1:1", DescribeAll(diags));
    }

    [Fact]
    public void MissingRequiredArgumentInBlockPointsAtOpenBrace()
    {
        var (content, _) = Body("provider \"p\" {\n  x = 1\n}\n").Content(new BodySchema([], [new BlockHeaderSchema("provider", ["name"])]));
        var (_, diags) = content.Blocks[0].Body.Content(new BodySchema([new AttributeSchema("region", true)]));
        Assert.Equal("Missing required argument; The argument \"region\" is required, but no definition was found. @ 1:14-1:14\nUnsupported argument; An argument named \"x\" is not expected here. @ 2:3-2:4", DescribeAll(diags));
    }

    [Theory]
    [InlineData("name = 1\nnmae2 = 2\n", "Unsupported argument; An argument named \"nmae2\" is not expected here. @ 2:1-2:6")]
    [InlineData("name = 1\ncont = 2\n", "Unsupported argument; An argument named \"cont\" is not expected here. Did you mean \"count\"? @ 2:1-2:5")]
    [InlineData("name = 1\nlifecycle = {}\n", "Unsupported argument; An argument named \"lifecycle\" is not expected here. Did you mean to define a block of type \"lifecycle\"? @ 2:1-2:10")]
    [InlineData("name = 1\ntags {}\n", "Unsupported block type; Blocks of type \"tags\" are not expected here. Did you mean to define argument \"tags\"? If so, use the equals sign to assign it a value. @ 2:1-2:5")]
    [InlineData("name = 1\nresorce \"a\" \"b\" {}\n", "Unsupported block type; Blocks of type \"resorce\" are not expected here. Did you mean \"resource\"? @ 2:1-2:8")]
    [InlineData("name = 1\nweird {}\n", "Unsupported block type; Blocks of type \"weird\" are not expected here. @ 2:1-2:6")]
    [InlineData("name = 1\nresource \"a\" {}\n", "Missing name for resource; All resource blocks must have 2 labels (type, name). @ 2:14-2:15")]
    [InlineData("name = 1\nresource {}\n", "Missing type for resource; All resource blocks must have 2 labels (type, name). @ 2:10-2:11")]
    [InlineData("name = 1\nresource \"a\" \"b\" \"c\" {}\n", "Extraneous label for resource; Only 2 labels (type, name) are expected for resource blocks. @ 2:18-2:21")]
    [InlineData("name = 1\nlifecycle \"x\" {}\n", "Extraneous label for lifecycle; No labels are expected for lifecycle blocks. @ 2:11-2:14")]
    [InlineData("name = 1\nprovider x y {}\n", "Extraneous label for provider; Only 1 labels (name) are expected for provider blocks. @ 2:12-2:13")]
    public void ContentDiagnostics(string src, string expected)
    {
        var (_, diags) = Body(src).Content(Schema);
        Assert.Equal(expected, DescribeAll(diags));
    }

    [Fact]
    public void LabelErrorContextIsHeader()
    {
        var (_, diags) = Body("name = 1\nresource \"a\" {}\n").Content(Schema);
        var d = Assert.Single(diags);
        Assert.Equal("2:1-2:15", Span(d.Context!.Value));
    }

    [Fact]
    public void PartialContentLeavesTheRest()
    {
        var body = Body("""
            name = "x"
            extra = 2
            resource "a" "b" {}
            other {}
            """);
        var (content, remain, diags) = body.PartialContent(new BodySchema([new AttributeSchema("name")], [new BlockHeaderSchema("resource", ["type", "name"])]));
        Assert.Empty(diags);
        Assert.Single(content.Attributes);
        Assert.Single(content.Blocks);
        var (rest, restDiags) = remain.Content(new BodySchema([new AttributeSchema("extra")], [new BlockHeaderSchema("other")]));
        Assert.Empty(restDiags);
        Assert.Equal(["extra"], rest.Attributes.Keys);
        Assert.Equal(["other"], rest.Blocks.Select(b => b.Type));

        // Items already taken are hidden from the remainder.
        var (again, againDiags) = remain.Content(new BodySchema([new AttributeSchema("name"), new AttributeSchema("extra")], [new BlockHeaderSchema("other")]));
        Assert.Empty(againDiags);
        Assert.Equal(["extra"], again.Attributes.Keys);
        var (_, requiredDiags) = remain.Content(new BodySchema([new AttributeSchema("name", true), new AttributeSchema("extra")], [new BlockHeaderSchema("other")]));
        Assert.Equal("Missing required argument; The argument \"name\" is required, but no definition was found. @ 1:1-1:1", DescribeAll(requiredDiags));
    }

    [Fact]
    public void JustAttributes()
    {
        var (attrs, diags) = Body("b = 2\na = 1\n").JustAttributes();
        Assert.Empty(diags);
        Assert.Equal(["b", "a"], attrs.Keys);
        Assert.True(attrs.ContainsKey("a"));
    }

    [Fact]
    public void JustAttributesRejectsBlocks()
    {
        var (attrs, diags) = Body("a = 1\nthing {}\nother {}\n").JustAttributes();
        Assert.Equal("Unexpected \"thing\" block; Blocks are not allowed here. @ 2:1-2:6", DescribeAll(diags));
        Assert.Single(attrs);
    }

    [Fact]
    public void JustAttributesOnRemainderSkipsTakenItems()
    {
        var body = Body("a = 1\nb = 2\nthing {}\n");
        var (_, remain, _) = body.PartialContent(new BodySchema([new AttributeSchema("a")], [new BlockHeaderSchema("thing")]));
        var (attrs, diags) = remain.JustAttributes();
        Assert.Empty(diags);
        Assert.Equal(["b"], attrs.Keys);
    }

    [Fact]
    public void ExpressionInterface()
    {
        var (attrs, _) = Body("v = upper(var.x) + local.y[0]\n").JustAttributes();
        var e = attrs["v"].Expression;
        Assert.Equal(["var", "local"], e.Variables().Select(t => t.RootName));
        Assert.Equal("1:5-1:30", Span(e.Range));
        Assert.Equal("1:5-1:11", Span(e.StartRange));
    }

    internal static string Span(Provisioner.Hcl.Diagnostics.SourceRange r) => $"{r.Start.Line}:{r.Start.Column}-{r.End.Line}:{r.End.Column}";
}
