using System.Text;
using Provisioner.Hcl.Formatting;

namespace Provisioner.Hcl.Tests.Formatting;

/// <summary>Single rules of <c>terraform fmt</c>, one small input each.</summary>
public sealed class FormatRulesTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a=1", "a = 1")]
    [InlineData("a=b.c", "a = b.c")]
    [InlineData("a=b[c]", "a = b[c]")]
    [InlineData("a=b()[c]", "a = b()[c]")]
    [InlineData("a=[\"hello\"][0]", "a = [\"hello\"][0]")]
    [InlineData("a = ( b+2 )", "a = (b + 2)")]
    [InlineData("a = ( b+-2 )", "a = (b + -2)")]
    [InlineData("a = (-2+1)", "a = (-2 + 1)")]
    [InlineData("a = foo(1, -2,a*b, b,c)", "a = foo(1, -2, a * b, b, c)")]
    [InlineData("a = [ [ ] ]", "a = [[]]")]
    [InlineData("b{}", "b {}")]
    [InlineData("a = x>=-1 ? -x : x<=-2", "a = x >= -1 ? -x : x <= -2")]
    [InlineData("a = !b&&!c", "a = !b && !c")]
    [InlineData("a = -b.c[0]", "a = -b.c[0]")]
    [InlineData("a = b[0] [1]", "a = b[0][1]")]
    [InlineData("a = f(x)[1]", "a = f(x)[1]")]
    [InlineData("a = b.0.c", "a = b.0.c")]
    [InlineData("a = 1\n", "a = 1\n")]
    [InlineData("a = 1   ", "a = 1")]
    [InlineData("a = 1 # c", "a = 1 # c")]
    [InlineData("a = 1 /* c */", "a = 1 /* c */")]
    [InlineData("  # c\n", "# c\n")]
    [InlineData("# only\n# comments", "# only\n# comments")]
    [InlineData("/* a\r\n   b */\r\nx = 1\r\n", "/* a\n   b */\nx = 1\n")]
    [InlineData("a = 1\n\n\n", "a = 1\n")]
    [InlineData("a = 1 \n b = 22\n", "a = 1\nb = 22\n")]
    [InlineData("a = [<<EOT\n  x\n  EOT\n]\n", "a = [<<EOT\n  x\n  EOT\n]\n")]
    [InlineData("a = {b: 1, \"c\": 2}", "a = { b : 1, \"c\" : 2 }")]
    [InlineData("a = x.y.* .z", "a = x.y.*.z")]
    [InlineData("a = \"${ {} }\"", "a = \"${ {} }\"")]
    public void Formats(string input, string expected) =>
        Assert.Equal(expected.Length == 0 || expected.EndsWith('\n') ? expected : expected + "\n", FormatTestSupport.Format(input));

    [Fact]
    public void MultiLineCallArgumentsAreIndented()
    {
        Assert.Equal("a = foo(\n  1,\n  -2,\n  a * b,\n  b,\n  c,\n)\n", FormatTestSupport.Format("a = foo(\n1,\n- 2,\na*b,\nb,\nc,\n)\n"));
    }

    [Fact]
    public void AsymmetricBracketsIndentByLine()
    {
        Assert.Equal("a = [[\n  [\n    b\n  ]]\n]\n", FormatTestSupport.Format("a = [[\n[\nb\n]]\n]\n"));
        Assert.Equal("a = [[\n  b\n]]\n", FormatTestSupport.Format("a = [[\nb\n]]\n"));
    }

    [Fact]
    public void CommentsAlignAcrossAGroupEvenWithoutAssignments()
    {
        const string input = "a = 1 # foo\nbungle = (\n    \"bonce\"\n) # baz\nzebra = \"striped\" # baz\n";
        const string expected = "a = 1 # foo\nbungle = (\n  \"bonce\"\n)                 # baz\nzebra = \"striped\" # baz\n";
        Assert.Equal(expected, FormatTestSupport.Format(input));
    }

    [Fact]
    public void AlignmentCountsGraphemeClusters()
    {
        const string input = "𝒜 = 1 # foo\nbungle = \"🇬🇧\" # baz\nzebra = \"striped\" # baz\n";
        const string expected = "𝒜      = 1         # foo\nbungle = \"🇬🇧\"       # baz\nzebra  = \"striped\" # baz\n";
        Assert.Equal(expected, FormatTestSupport.Format(input));
    }

    [Fact]
    public void ByteOrderMarkIsKept()
    {
        var src = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("a=1\n")).ToArray();
        var result = HclFormatter.Format(src, "bom.hcl");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("a = 1\n")), result.Output);
    }

    [Theory]
    [InlineData("a = \n")]
    [InlineData("block {\n")]
    [InlineData("a = \"unterminated\n")]
    [InlineData("a = 1 b = 2\n")]
    public void SyntaxErrorsLeaveTheInputUnchanged(string input)
    {
        var src = Encoding.UTF8.GetBytes(input);
        var result = HclFormatter.Format(src, "bad.hcl");
        Assert.True(result.Diagnostics.HasErrors);
        Assert.Equal(src, result.Output);
    }

    [Fact]
    public void LargeFileIsFast()
    {
        var sb = new StringBuilder();
        var i = 0;
        while (sb.Length < 6_000_000)
        {
            sb.Append("resource \"aws_instance\" \"r").Append(i).Append("\" {\n")
              .Append("ami=\"ami-123\"\n  instance_type =   \"t2.micro\" # size\n")
              .Append("tags = {\nName = \"n${var.x}\"\n  Index=").Append(i).Append("*2+1\n}\n")
              .Append("list = [1,2,3, -4]\n}\n\n");
            i++;
        }
        var src = Encoding.UTF8.GetBytes(sb.ToString());
        HclFormatter.Format(src, "warm.hcl"); // JIT warm-up
        // Correctness only: speed is measured by bench/hcl, never asserted in tests.
        var result = HclFormatter.Format(src, "big.hcl");
        Assert.False(result.Diagnostics.HasErrors);
        Assert.Equal(result.Output, HclFormatter.Format(result.Output, "big.hcl").Output);
    }
}
