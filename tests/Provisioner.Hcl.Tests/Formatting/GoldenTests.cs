using System.Text;
using Provisioner.Hcl.Formatting;

namespace Provisioner.Hcl.Tests.Formatting;

/// <summary><c>testdata/fmt/NAME.in.hcl</c> formats to <c>NAME.out.hcl</c>, and the output is a fixed point.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(FormatTestSupport.TestDataDir(), "fmt");
        foreach (var file in Directory.EnumerateFiles(dir, "*.in.hcl").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file)[..^".in.hcl".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FormatsToGolden(string name)
    {
        var dir = Path.Combine(FormatTestSupport.TestDataDir(), "fmt");
        var input = File.ReadAllBytes(Path.Combine(dir, name + ".in.hcl"));
        var expected = File.ReadAllText(Path.Combine(dir, name + ".out.hcl"));
        var result = HclFormatter.Format(input, name + ".in.hcl");
        Assert.False(result.Diagnostics.HasErrors);
        Assert.Equal(expected, Encoding.UTF8.GetString(result.Output));

        var again = HclFormatter.Format(result.Output, name + ".out.hcl");
        Assert.Equal(expected, Encoding.UTF8.GetString(again.Output));
        FormatTestSupport.AssertRoundTrip(input, name);
    }
}
