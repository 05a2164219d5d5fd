using System.Text;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class DynamicBlockTests
{
    private static IHclBody Expand(string src, EvalContext? ctx = null)
    {
        var p = HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(src), "test.hcl");
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        return DynamicBlocks.Expand(NativeBody.FromFile(p.Root), ctx ?? Ctx());
    }

    private static EvalContext Ctx() => new(new Dictionary<string, HclValue>
    {
        ["settings"] = HclValue.Map([new("a", HclValue.Number(1)), new("b", HclValue.Number(2))]),
        ["names"] = HclValue.List(HclValue.String("x"), HclValue.String("y")),
        ["unk"] = HclValue.DynamicVal,
        ["nested"] = HclValue.Tuple(
            HclValue.Object(("n", HclValue.String("p")), ("items", HclValue.Tuple(HclValue.Number(1), HclValue.Number(2)))),
            HclValue.Object(("n", HclValue.String("q")), ("items", HclValue.EmptyTuple))),
    }, EvalTestSupport.Functions);

    private static readonly BodySchema SettingSchema = new([], [new BlockHeaderSchema("setting"), new BlockHeaderSchema("static")]);

    private static readonly BodySchema ItemSchema = new([new AttributeSchema("name"), new AttributeSchema("value")]);

    private static string Attrs(IHclBody body, EvalContext? ctx = null)
    {
        var (content, diags) = body.Content(ItemSchema);
        Assert.Empty(diags);
        return string.Join(",", content.Attributes.InOrder.Select(a => a.Name + "=" + Render(a.Expression.Evaluate(ctx).Value)));
    }

    [Fact]
    public void ExpandsOneBlockPerElement()
    {
        var body = Expand("""
            static {}
            dynamic "setting" {
              for_each = settings
              content {
                name  = setting.key
                value = setting.value * 10
              }
            }
            """);
        var (content, diags) = body.Content(SettingSchema);
        Assert.Empty(diags);
        Assert.Equal(["static", "setting", "setting"], content.Blocks.Select(b => b.Type));
        Assert.Equal("name=\"a\",value=10", Attrs(content.Blocks[1].Body));
        Assert.Equal("name=\"b\",value=20", Attrs(content.Blocks[2].Body));
        Assert.Equal("2:9-2:18", BodySchemaTests.Span(content.Blocks[1].TypeRange));
        Assert.Equal("2:1-2:18", BodySchemaTests.Span(content.Blocks[1].DefRange));
    }

    [Fact]
    public void IteratorAndLabels()
    {
        var body = Expand("""
            dynamic "res" {
              for_each = names
              iterator = it
              labels   = ["t", "${it.value}-${it.key}"]
              content {
                name = upper(it.value)
              }
            }
            """);
        var (content, diags) = body.Content(new BodySchema([], [new BlockHeaderSchema("res", ["type", "name"])]));
        Assert.Empty(diags);
        Assert.Equal(2, content.Blocks.Count);
        Assert.Equal(["t", "x-0"], content.Blocks[0].Labels);
        Assert.Equal(["t", "y-1"], content.Blocks[1].Labels);
        Assert.Equal("name=\"X\"", Attrs(content.Blocks[0].Body, new EvalContext(null, EvalTestSupport.Functions)));
        var e = content.Blocks[0].Body.Content(ItemSchema).Content.Attributes["name"].Expression;
        Assert.Empty(e.Variables());
    }

    [Fact]
    public void NestedDynamicBlocksSeeOuterIterators()
    {
        var body = Expand("""
            dynamic "outer" {
              for_each = nested
              content {
                name = outer.value.n
                dynamic "inner" {
                  for_each = outer.value.items
                  content {
                    value = "${outer.value.n}${inner.value}"
                  }
                }
              }
            }
            """);
        var (content, diags) = body.Content(new BodySchema([], [new BlockHeaderSchema("outer")]));
        Assert.Empty(diags);
        Assert.Equal(2, content.Blocks.Count);
        var (outer0, d0) = content.Blocks[0].Body.Content(new BodySchema([new AttributeSchema("name")], [new BlockHeaderSchema("inner")]));
        Assert.Empty(d0);
        Assert.Equal("\"p\"", Render(outer0.Attributes["name"].Expression.Evaluate(null).Value));
        Assert.Equal(2, outer0.Blocks.Count);
        Assert.Equal("value=\"p2\"", Attrs(outer0.Blocks[1].Body));
        var (outer1, _) = content.Blocks[1].Body.Content(new BodySchema([new AttributeSchema("name")], [new BlockHeaderSchema("inner")]));
        Assert.Empty(outer1.Blocks);
    }

    [Fact]
    public void UnknownForEachGivesOneUnknownBlock()
    {
        var body = Expand("""
            dynamic "setting" {
              for_each = unk
              content {
                name = "fixed"
              }
            }
            """);
        var (content, diags) = body.Content(SettingSchema);
        Assert.Empty(diags);
        var b = Assert.Single(content.Blocks);
        Assert.Equal("name=unknown(any)", Attrs(b.Body));
    }

    [Fact]
    public void UnrequestedDynamicBlockIsUnsupported()
    {
        var body = Expand("dynamic \"other\" {\n  for_each = names\n  content {}\n}\n");
        var (_, diags) = body.Content(SettingSchema);
        Assert.Equal("Unsupported block type; Blocks of type \"other\" are not expected here. @ 1:9-1:16", DescribeAll(diags));
        var (_, _, partialDiags) = body.PartialContent(SettingSchema);
        Assert.Empty(partialDiags);
    }

    [Theory]
    [InlineData("dynamic \"setting\" {\n  for_each = 1\n  content {}\n}\n", "Invalid dynamic for_each value; Cannot use a number value in for_each. An iterable collection is required. @ 2:14-2:15")]
    [InlineData("dynamic \"setting\" {\n  for_each = null\n  content {}\n}\n", "Invalid dynamic for_each value; Cannot use a null value in for_each. @ 2:14-2:18")]
    [InlineData("dynamic \"setting\" {\n  for_each = names\n}\n", "Missing dynamic content block; A dynamic block must have a nested block of type \"content\" to describe the body of each generated block. @ 1:19-1:19")]
    [InlineData("dynamic \"setting\" {\n  for_each = names\n  content {}\n  content {}\n}\n", "Extraneous dynamic content block; Only one nested content block is allowed for each dynamic block. @ 4:3-4:10")]
    [InlineData("dynamic \"setting\" {\n  content {}\n}\n", "Missing required argument; The argument \"for_each\" is required, but no definition was found. @ 1:19-1:19")]
    [InlineData("dynamic \"setting\" {\n  for_each = names\n  iterator = a.b\n  content {}\n}\n", "Invalid dynamic iterator name; Dynamic iterator must be a single variable name. @ 3:14-3:17")]
    [InlineData("dynamic \"setting\" {\n  for_each = names\n  iterator = \"x\"\n  content {}\n}\n", "Invalid expression; A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here. @ 3:14-3:17")]
    [InlineData("dynamic \"setting\" {\n  for_each = names\n  labels = [\"a\"]\n  content {}\n}\n", "Unsupported argument; An argument named \"labels\" is not expected here. @ 3:3-3:9")]
    [InlineData("dynamic \"setting\" {\n  for_each = nope\n  content {}\n}\n", "Unknown variable; There is no variable named \"nope\". @ 2:14-2:18")]
    public void SpecErrors(string src, string expected)
    {
        var (content, diags) = Expand(src).Content(SettingSchema);
        Assert.Equal(expected, DescribeAll(diags));
        Assert.Empty(content.Blocks);
    }

    [Theory]
    [InlineData("labels = [\"a\", \"b\", \"c\"]", "Extraneous dynamic block label; Blocks of type \"res\" require 2 label(s). @ 3:23-3:26")]
    [InlineData("labels = [\"a\"]", "Insufficient dynamic block labels; Blocks of type \"res\" require 2 label(s). @ 3:12-3:17")]
    [InlineData("labels = [\"a\", null]", "Invalid dynamic block label; Cannot use a null value as a dynamic block label. @ 3:18-3:22\nInvalid dynamic block label; Cannot use a null value as a dynamic block label. @ 3:18-3:22")]
    [InlineData("labels = [\"a\", unk]", "Invalid dynamic block label; This value is not yet known. Dynamic block labels must be immediately-known values. @ 3:18-3:21\nInvalid dynamic block label; This value is not yet known. Dynamic block labels must be immediately-known values. @ 3:18-3:21")]
    [InlineData("labels = [\"a\", []]", "Invalid dynamic block label; Cannot use this value as a dynamic block label: string required. @ 3:18-3:20\nInvalid dynamic block label; Cannot use this value as a dynamic block label: string required. @ 3:18-3:20")]
    [InlineData("labels = \"a\"", "Invalid expression; A static list expression is required. @ 3:13-3:14")]
    public void LabelErrors(string labels, string expected)
    {
        var src = $"dynamic \"res\" {{\n  for_each = names\n  {labels}\n  content {{}}\n}}\n";
        var (_, diags) = Expand(src).Content(new BodySchema([], [new BlockHeaderSchema("res", ["type", "name"])]));
        Assert.Equal(expected, DescribeAll(diags));
    }

    [Fact]
    public void PartialContentRemainKeepsOtherDynamicBlocks()
    {
        var body = Expand("""
            a = 1
            dynamic "setting" {
              for_each = names
              content {}
            }
            dynamic "other" {
              for_each = names
              content {}
            }
            """);
        var (first, remain, diags) = body.PartialContent(new BodySchema([new AttributeSchema("a")], [new BlockHeaderSchema("setting")]));
        Assert.Empty(diags);
        Assert.Equal(2, first.Blocks.Count);
        var (rest, restDiags) = remain.Content(new BodySchema([], [new BlockHeaderSchema("other")]));
        Assert.Empty(restDiags);
        Assert.Equal(["other", "other"], rest.Blocks.Select(b => b.Type));
        Assert.Empty(rest.Attributes);
    }

    [Fact]
    public void CheckForEachCanReject()
    {
        var p = HclSyntax.ParseConfig("dynamic \"setting\" {\n  for_each = names\n  content {}\n}\n"u8.ToArray(), "test.hcl");
        var body = DynamicBlocks.Expand(NativeBody.FromFile(p.Root), Ctx(), (_, expr, _) =>
        {
            var d = new Provisioner.Hcl.Diagnostics.DiagnosticList();
            d.Error("Rejected", "no", expr.Range);
            return d;
        });
        var (content, diags) = body.Content(SettingSchema);
        Assert.Equal("Rejected; no @ 2:14-2:19", DescribeAll(diags));
        Assert.Empty(content.Blocks);
    }

    [Fact]
    public void WorksOverJsonBodies()
    {
        var json = """
            {
              "dynamic": {
                "res": {
                  "for_each": "${names}",
                  "labels": ["t", "${res.value}"],
                  "content": { "name": "${res.key}" }
                }
              }
            }
            """;
        var p = Provisioner.Hcl.Json.HclJsonSyntax.Parse(Encoding.UTF8.GetBytes(json), "test.tf.json");
        Assert.False(p.HasErrors, p.Diagnostics.ToString());
        var body = DynamicBlocks.Expand(p.File.Body, Ctx());
        var (content, diags) = body.Content(new BodySchema([], [new BlockHeaderSchema("res", ["type", "name"])]));
        Assert.Empty(diags);
        Assert.Equal(2, content.Blocks.Count);
        Assert.Equal(["t", "y"], content.Blocks[1].Labels);
        Assert.Equal("name=1", Attrs(content.Blocks[1].Body));
    }

    [Fact]
    public void VariablesLookInsideDynamicBlocksAndSkipIterators()
    {
        var p = HclSyntax.ParseConfig(Encoding.UTF8.GetBytes("""
            name = var.name
            dynamic "ingress" {
              for_each = var.rules
              iterator = rule
              content {
                port = rule.value.port
                cidr = local.cidr
                dynamic "tag" {
                  for_each = rule.value.tags
                  labels   = [tag.key, var.suffix]
                  content {
                    v = "${tag.value}-${rule.key}-${data.x.y}"
                  }
                }
              }
            }
            static {
              w = aws_instance.a.id
            }
            ignored {
              z = not.walked
            }
            """), "test.hcl");
        var tagTree = new BodySchemaTree(new BodySchema([new AttributeSchema("v")]));
        var ingressTree = new BodySchemaTree(
            new BodySchema([new AttributeSchema("port"), new AttributeSchema("cidr")], [new BlockHeaderSchema("tag", ["k", "s"])]),
            new Dictionary<string, BodySchemaTree> { ["tag"] = tagTree });
        var tree = new BodySchemaTree(
            new BodySchema([new AttributeSchema("name")], [new BlockHeaderSchema("ingress"), new BlockHeaderSchema("static"), new BlockHeaderSchema("ignored")]),
            new Dictionary<string, BodySchemaTree>
            {
                ["ingress"] = ingressTree,
                ["static"] = new BodySchemaTree(new BodySchema([new AttributeSchema("w")])),
            });
        var vars = DynamicBlocks.Variables(NativeBody.FromFile(p.Root), tree);
        Assert.Equal(["var.name", "var.rules", "local.cidr", "var.suffix", "data.x.y", "aws_instance.a.id"], vars.Select(t => t.ToString()));
    }
}
