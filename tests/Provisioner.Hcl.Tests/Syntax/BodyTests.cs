using System.Text;
using static Provisioner.Hcl.Tests.Syntax.SyntaxTestSupport;
using Attribute = Provisioner.Hcl.Syntax.Attribute;
using Block = Provisioner.Hcl.Syntax.Block;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>A body's items, attributes (first definitions) and blocks, however the parser stores them.</summary>
public sealed class BodyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(0, 3)]
    [InlineData(3, 2)]
    [InlineData(20, 0)]
    [InlineData(20, 300)]
    [InlineData(600, 1)]
    public void ParseConfig_MixedBody_ListsItemsInOrderAndSplitsThem(int attributes, int blocks)
    {
        var src = new StringBuilder();
        var expected = new List<string>();
        for (int i = 0, a = 0, b = 0; a < attributes || b < blocks; i++)
        {
            // Interleave: two attributes, then a block, with a nested body inside every block.
            if (a < attributes && (i % 3 != 2 || b == blocks))
            {
                src.Append($"a{a} = {a}\n");
                expected.Add($"a{a}");
                a++;
            }
            else
            {
                src.Append($"b \"l{b}\" {{\n  x = 1\n  inner {{ y = 2 }}\n}}\n");
                expected.Add($"b l{b}");
                b++;
            }
        }
        var r = Config(src.ToString());
        Assert.False(r.HasErrors, Diags(r));
        var body = r.Root.Body;
        Assert.Equal(expected, body.Items.Select(Name));
        Assert.Equal(expected.Where(e => e.StartsWith('a')), body.Attributes.Select(x => x.Name));
        Assert.Equal(expected.Where(e => e.StartsWith('b')), body.Blocks.Select(Name));
        Assert.All(body.Blocks, x => Assert.Equal(["x"], x.Body.Attributes.Select(y => y.Name)));
        Assert.All(body.Blocks, x => Assert.Equal("inner", Assert.Single(x.Body.Blocks).Type));
        Assert.All(body.Blocks, x => Assert.Equal(2, x.Body.Items.Count));
        if (attributes > 0)
            Assert.Same(body.Attributes[^1], body.GetAttribute($"a{attributes - 1}"));
        Assert.Equal(src.ToString(), r.Tree.ToFullString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void ParseConfig_RedefinedAttributes_StayInItemsButNotInAttributes(int distinct)
    {
        var src = new StringBuilder();
        for (var i = 0; i < distinct; i++)
            src.Append($"a{i} = {i}\n");
        src.Append("blk {}\n");
        src.Append("a0 = \"again\"\n");
        src.Append($"a{distinct - 1} = \"again\"\n");
        src.Append("a0 = \"third\"\n");
        var r = Config(src.ToString());
        var body = r.Root.Body;
        Assert.Equal(3, r.Diagnostics.Count(d => d.Summary == "Attribute redefined"));
        Assert.Equal(distinct + 4, body.Items.Count);
        Assert.Equal(Enumerable.Range(0, distinct).Select(i => $"a{i}"), body.Attributes.Select(a => a.Name));
        Assert.Equal("0", body.GetAttribute("a0")!.Expression.GetSourceText());
        Assert.Equal("\"third\"", ((Attribute)body.Items[^1]).Expression.GetSourceText());
        Assert.Equal("blk", Assert.Single(body.Blocks).Type);
    }

    private static string Name(Provisioner.Hcl.Syntax.SyntaxNode n) => n switch
    {
        Attribute a => a.Name,
        Block b => b.Type + " " + string.Join(" ", b.Labels),
        _ => n.GetType().Name,
    };
}
