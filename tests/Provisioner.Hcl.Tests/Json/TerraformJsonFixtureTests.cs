using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Tests.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>A Terraform-shaped <c>.tf.json</c> file decoded with Terraform-like schemas, end to end.</summary>
public sealed class TerraformJsonFixtureTests
{
    private static readonly BodySchema FileSchema = new([],
    [
        new BlockHeaderSchema("variable", ["name"]), new BlockHeaderSchema("locals"),
        new BlockHeaderSchema("resource", ["type", "name"]), new BlockHeaderSchema("output", ["name"]),
    ]);

    private static IHclBody Load()
    {
        var path = Path.Combine(SyntaxTestSupport.RepoRoot(), "tests", "Provisioner.Hcl.Tests", "testdata", "json", "terraform.tf.json");
        var r = HclJsonSyntax.Parse(File.ReadAllBytes(path), "terraform.tf.json");
        Assert.Empty(r.Diagnostics);
        return r.File.Body;
    }

    [Fact]
    public void Decode_TerraformShapedFile()
    {
        var (content, diags) = Load().Content(FileSchema);
        Assert.Empty(diags);
        Assert.Equal(["variable:region", "variable:count", "locals:", "resource:aws_instance.web", "resource:aws_vpc.main", "output:ip", "output:ip2"],
            content.Blocks.Select(b => b.Type + ":" + string.Join(".", b.Labels)));

        var locals = content.BlocksOfType("locals")[0].Body.JustAttributes();
        Assert.Empty(locals.Diagnostics);
        var ctx = new EvalContext(new Dictionary<string, HclValue>
        {
            ["var"] = HclValue.Object(("region", HclValue.String("us-east-1")), ("count", HclValue.Number(3))),
            ["local"] = HclValue.Object(("name", HclValue.String("web"))),
        });
        Assert.Equal("web-us-east-1", locals.Attributes["name"].Expression.Evaluate(ctx).Value.AsString());

        var web = content.BlocksOfType("resource")[0];
        var (resource, remain, rdiags) = web.Body.PartialContent(new BodySchema(
            [new AttributeSchema("count"), new AttributeSchema("depends_on")], [new BlockHeaderSchema("lifecycle")]));
        Assert.Empty(rdiags);
        Assert.Equal("3", resource.Attributes["count"].Expression.Evaluate(ctx).Value.ToString());
        var deps = StaticExpressions.List(resource.Attributes["depends_on"].Expression).Items!;
        Assert.Equal("aws_vpc", StaticExpressions.AbsTraversal(deps[0]).Traversal!.RootName);
        var lifecycle = Assert.Single(resource.Blocks).Body.JustAttributes();
        Assert.Equal("tags", StaticExpressions.AsKeyword(StaticExpressions.List(lifecycle.Attributes["ignore_changes"].Expression).Items![0]));

        var rest = remain.JustAttributes();
        Assert.Empty(rest.Diagnostics);
        Assert.Equal(["ami", "tags"], rest.Attributes.Keys);
        Assert.Equal("{ Name = \"web\", us-east-1-zone = \"a\" }", rest.Attributes["tags"].Expression.Evaluate(ctx).Value.ToString());

        var ip2 = content.BlocksOfType("output")[1].Body.JustAttributes().Attributes["value"].Expression.Evaluate(null).Value;
        Assert.Equal("1.000000000000000000000000001", ip2.ToString());
        Assert.Equal(["aws_instance"], content.BlocksOfType("output")[0].Body.JustAttributes().Attributes["value"].Expression.Variables().Select(t => t.RootName));
    }
}
