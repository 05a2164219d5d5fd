using Provisioner.Hcl.Syntax;
using static Provisioner.Hcl.Tests.Syntax.SyntaxTestSupport;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class SpecsuiteStructureTests
{
    [Fact]
    public void ParseConfig_CommaSeparatedAttributes_ReportsCommaRange()
    {
        var r = Config("a = \"a value\", b = \"b value\"\n");
        Assert.Equal("1:14-1:15: Unexpected comma after argument", Diags(r));
        var s = r.Diagnostics[0].Subject!.Value;
        Assert.Equal(13, s.Start.Byte);
        Assert.Equal(14, s.End.Byte);
    }

    [Fact]
    public void ParseConfig_UnclosedBlock_ReportsOpenBrace()
    {
        var r = Config("a {\n");
        Assert.Equal("1:3-1:4: Unclosed configuration block", Diags(r));
    }

    [Fact]
    public void ParseConfig_InvalidOneLineBlocks_ReportsSpecsuiteRanges()
    {
        var src = "a { b = \"foo\", c = \"bar\" }\na { b = \"foo\"\n}\na { b = \"foo\"\n  c = \"bar\" }\na { b = \"foo\"\n  c = \"bar\"\n}\na { d {} }\n";
        var r = Config(src);
        Assert.Equal(
            "1:14-1:15: Invalid single-argument block definition\n" +
            "2:14-3:1: Invalid single-argument block definition\n" +
            "4:14-5:1: Invalid single-argument block definition\n" +
            "6:14-7:1: Invalid single-argument block definition\n" +
            "9:5-9:8: Argument definition required", Diags(r));
        var bytes = r.Diagnostics.Select(d => (d.Subject!.Value.Start.Byte, d.Subject!.Value.End.Byte)).ToArray();
        Assert.Equal([(13, 14), (40, 41), (56, 57), (84, 85), (103, 106)], bytes);
    }

    [Fact]
    public void ParseConfig_OneLineBlock_HasOneAttribute()
    {
        var r = Config("a { b = \"foo\" }\n");
        Assert.False(r.HasErrors, Diags(r));
        var block = Assert.Single(r.Root.Body.Blocks);
        var attr = Assert.Single(block.Body.Attributes);
        Assert.Equal("b", attr.Name);
        Assert.Equal("(tmpl \"foo\")", Sx(attr.Expression));
    }
}
