using System.Diagnostics;
using System.Text;
using Provisioner.Hcl.Json;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>Rules of <see cref="HclToJson"/> not pinned by the oracle corpus, plus speed.</summary>
public sealed class HclToJsonTests
{
    private static string Convert(string src)
    {
        var result = HclToJson.Convert(Encoding.UTF8.GetBytes(src), "t.hcl");
        Assert.False(result.Diagnostics.HasErrors, result.Diagnostics.ToString());
        return result.Json;
    }

    [Theory]
    [InlineData("a = \"x${c ? \"y\" : \"n\"}\"", "x%{if c}y%{else}n%{endif}")]
    [InlineData("a = \"x%{if c}y%{else}%{endif}\"", "x%{if c}y%{endif}")]
    [InlineData("a = \"x${1.50}${true}\"", "x1.5true")]
    [InlineData("a = \"x${\"$${y}\"}\"", "x$${y}")]
    [InlineData("a = \"%%{x}\"", "%%{x}")]
    public void Convert_TemplatePart_Respelled(string src, string expected)
    {
        var json = Convert(src);
        Assert.Equal("{\n  \"a\": " + System.Text.Json.JsonSerializer.Serialize(expected, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n}", json);
    }

    [Theory]
    [InlineData("1e2", "100")]
    [InlineData("0.000e5", "0")]
    [InlineData("123.456e-1", "12.3456")]
    [InlineData("123.456e2", "12345.6")]
    [InlineData("-0", "-0")]
    [InlineData("-12.5e1", "-125")]
    [InlineData("!false", "true")]
    public void Convert_Number_PlainDecimal(string literal, string expected) =>
        Assert.Equal("{\n  \"a\": " + expected + "\n}", Convert("a = " + literal));

    [Fact]
    public void Convert_ArrayIndexKeys_ComeFirstLikeTheOracle() =>
        Assert.Equal("{\n  \"o\": {\n    \"2\": 1,\n    \"10\": 2,\n    \"01\": 3,\n    \"a\": 4\n  }\n}",
            Convert("o = { \"a\" = 4, \"10\" = 2, \"01\" = 3, \"2\" = 1 }"));

    [Fact]
    public void Convert_ControlCharacters_EscapedLikeJsonStringify() =>
        Assert.Equal("{\n  \"a\": \"\\u0001\\b😀<\"\n}", Convert("a = \"\\u0001\\u0008\\U0001F600<\""));

    [Fact]
    public void Convert_BlockConflictsWithAttribute_Errors()
    {
        var result = HclToJson.Convert(Encoding.UTF8.GetBytes("a = 1\na \"x\" {}\n"), "t.hcl");
        Assert.True(result.Diagnostics.HasErrors);
        Assert.Equal("", result.Json);
    }

    [Theory]
    [InlineData("x {}\nx \"a\" {}\n")]
    [InlineData("x \"a\" {}\nx {}\n")]
    [InlineData("x \"a\" {}\nx \"a\" \"b\" {}\n")]
    public void Convert_BlockLabelShapesConflict_Errors(string src)
    {
        var result = HclToJson.Convert(Encoding.UTF8.GetBytes(src), "t.hcl");
        Assert.Equal("Unable to convert block to JSON", Assert.Single(result.Diagnostics).Summary);
        Assert.Equal("", result.Json);
    }

    [Fact]
    public void Convert_ManyDuplicateObjectKeys_LastWins() =>
        Assert.Equal("{\n  \"o\": {\n    \"a\": 10,\n    \"b\": 2,\n    \"c\": 3,\n    \"d\": 4,\n    \"e\": 5,\n    \"f\": 6,\n    \"g\": 7,\n    \"h\": 8\n  }\n}",
            Convert("o = { a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, a = 9, a = 10 }"));

    [Fact]
    public void Convert_SyntaxError_EmptyJsonAndDiagnostics()
    {
        var result = HclToJson.Convert(Encoding.UTF8.GetBytes("a = \n"), "t.hcl");
        Assert.True(result.Diagnostics.HasErrors);
        Assert.Equal("", result.Json);
    }

    [Fact]
    public void Convert_SixMegabytes_IsLinear()
    {
        var sb = new StringBuilder();
        for (int i = 0; sb.Length < 6_000_000; i++)
        {
            sb.Append("resource \"aws_instance\" \"web").Append(i).Append("\" {\n")
              .Append("  ami   = \"ami-${var.region}-").Append(i).Append("\"\n")
              .Append("  count = ").Append(i).Append(".50\n")
              .Append("  tags  = { Name = \"web\", Index = -").Append(i).Append(", list = [1, 2, var.x] }\n")
              .Append("  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        HclToJson.Convert(bytes.AsMemory(0, 4096), "warm.hcl");
        long parseMs = long.MaxValue, convertMs = long.MaxValue;
        HclToJsonResult? result = null;
        for (int round = 0; round < 2; round++)
        {
            var sw = Stopwatch.StartNew();
            var parsed = Provisioner.Hcl.Syntax.HclSyntax.ParseConfig(bytes, "big.hcl");
            parseMs = Math.Min(parseMs, sw.ElapsedMilliseconds);
            Assert.False(parsed.HasErrors);
            sw.Restart();
            result = HclToJson.Convert(bytes, "big.hcl");
            convertMs = Math.Min(convertMs, sw.ElapsedMilliseconds);
        }
        Console.WriteLine($"6 MB: parse {parseMs} ms, parse+convert {convertMs} ms");
        Assert.False(result!.Diagnostics.HasErrors);
        // Only catches pathological (super-linear) behaviour: the test machines are shared and heavily loaded.
        Assert.True(convertMs < 15_000, $"took {convertMs} ms");
    }
}
