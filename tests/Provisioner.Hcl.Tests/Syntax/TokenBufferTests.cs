using System.Text;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>The compact token storage (8-bit offsets per 32-token block, wide blocks for long tokens).</summary>
public sealed class TokenBufferTests
{
    [Fact]
    public void Add_ManySmallTokens_StartsAndEndsAreExact()
    {
        var buffer = new TokenBuffer(4);
        var starts = new List<int>();
        var pos = 0;
        for (var i = 0; i < 5000; i++)
        {
            starts.Add(pos);
            buffer.Add(TokenKind.Ident, pos);
            pos += 1 + (i % 7);
        }
        buffer.Complete(pos);
        Assert.Equal(5000, buffer.Count);
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(starts[i], buffer.Start(i));
            Assert.Equal(i + 1 < 5000 ? starts[i + 1] : pos, buffer.End(i));
        }
    }

    [Theory]
    [InlineData(0, 200_000)]
    [InlineData(1, 200_000)]
    [InlineData(100, 200_000)]
    [InlineData(255, 200_000)]
    [InlineData(256, 200_000)]
    [InlineData(0, 256)]
    [InlineData(30, 253)]
    [InlineData(31, 300)]
    [InlineData(32, 256)]
    [InlineData(33, 1000)]
    [InlineData(63, 255)]
    public void Add_BlockSpanningMoreThan255Bytes_KeepsFullOffsets(int before, int length)
    {
        var buffer = new TokenBuffer(16);
        var starts = new List<int>();
        var pos = 0;
        for (var i = 0; i < before + 600; i++)
        {
            starts.Add(pos);
            buffer.Add(TokenKind.Whitespace, pos);
            pos += i == before ? length : 3;
        }
        buffer.Complete(pos);
        for (var i = 0; i < starts.Count; i++)
            Assert.Equal(starts[i], buffer.Start(i));
        Assert.Equal(pos, buffer.End(starts.Count - 1));
    }

    [Fact]
    public void Parse_HugeCommentAndString_RoundTripsWithExactRanges()
    {
        var comment = "/*" + new string('c', 70_000) + "*/";
        var text = new string('x', 150_000);
        var src = $"a = 1\n{comment}\nb = \"{text}\"\nc = [\n{string.Concat(Enumerable.Repeat("  1,\n", 300))}]\nd = c.e\n";
        var bytes = Encoding.UTF8.GetBytes(src);
        var result = HclSyntax.ParseConfig(bytes, "big.hcl");
        Assert.False(result.Diagnostics.HasErrors);
        Assert.Equal(src, result.Tree.ToFullString());
        var body = result.Root.Body;
        var b = Assert.IsType<TemplateExpr>(body.GetAttribute("b")!.Expression);
        Assert.Equal(text, Assert.IsType<LiteralValueExpr>(b.Parts[0]).Text);
        var d = body.GetAttribute("d")!;
        Assert.Equal(src.IndexOf("d = c.e", StringComparison.Ordinal), d.StartOffset);
        Assert.Equal("c.e", d.Expression.GetSourceText());
        Assert.Equal(306, d.Expression.Range.Start.Line);
    }
}
