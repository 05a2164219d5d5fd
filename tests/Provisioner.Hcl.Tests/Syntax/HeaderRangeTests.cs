using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>Ranges the tree finds again from the tokens: block labels and the attribute equals sign.</summary>
public sealed class HeaderRangeTests
{
    [Fact]
    public void LabelRanges_QuotedAndBareLabelsWithComments_IncludeQuotes()
    {
        var src = "resource /* c */ \"a\\\"b\" bare \"\" \"${x}\" {\n}\nnolabel {\n}\n";
        var result = HclSyntax.ParseConfig(src, "t.hcl");
        var block = result.Root.Body.Blocks[0];
        Assert.Equal(["t.hcl:1,18-24", "t.hcl:1,25-29", "t.hcl:1,30-32", "t.hcl:1,33-39"], block.LabelRanges.Select(r => r.ToString()));
        Assert.Equal("t.hcl:1,1-9", block.TypeRange.ToString());
        Assert.Empty(result.Root.Body.Blocks[1].LabelRanges);
    }

    [Fact]
    public void LabelRanges_ErrorFreeHeader_SameAsParserSpans()
    {
        var src = "a \"x\" y \"ü\" {\n  b = 1\n}\n";
        var block = HclSyntax.ParseConfig(src, "t.hcl").Root.Body.Blocks[0];
        Assert.Equal(["x", "y", "ü"], block.Labels);
        Assert.Equal(["t.hcl:1,3-6", "t.hcl:1,7-8", "t.hcl:1,9-12"], block.LabelRanges.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("a = 1\n", "t.hcl:1,3-4", "t.hcl:1,1-2")]
    [InlineData("long_name /* note */ = 1\n", "t.hcl:1,22-23", "t.hcl:1,1-10")]
    [InlineData("ñ=1\n", "t.hcl:1,2-3", "t.hcl:1,1-2")]
    [InlineData("b { c = 2 }\n", "t.hcl:1,7-8", "t.hcl:1,5-6")]
    public void EqualsRange_FoundAfterNameAndInlineComments(string src, string equals, string name)
    {
        var body = HclSyntax.ParseConfig(src, "t.hcl").Root.Body;
        var attr = body.Attributes.Count > 0 ? body.Attributes[0] : body.Blocks[0].Body.Attributes[0];
        Assert.Equal(equals, attr.EqualsRange.ToString());
        Assert.Equal(name, attr.NameRange.ToString());
    }
}
