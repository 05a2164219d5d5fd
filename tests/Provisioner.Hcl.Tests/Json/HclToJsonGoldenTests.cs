using System.Globalization;
using System.Text.Json;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Tests.Syntax;

namespace Provisioner.Hcl.Tests.Json;

/// <summary>
/// Differential tests of <see cref="HclToJson"/> against the hcl2json oracle goldens in
/// <c>testdata/hcl2json/cases</c>: every <c>NAME.json</c> must be JSON-equal to our output, every
/// <c>NAME.err</c> must make the conversion fail.
/// </summary>
public sealed class HclToJsonGoldenTests
{
    private static string CasesDir() => Path.Combine(SyntaxTestSupport.RepoRoot(), "tests", "Provisioner.Hcl.Tests", "testdata", "hcl2json", "cases");

    public static TheoryData<string> ValidCases() => Cases(err: false);

    public static TheoryData<string> ErrorCases() => Cases(err: true);

    private static TheoryData<string> Cases(bool err)
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(CasesDir()))
        {
            foreach (var f in Directory.EnumerateFiles(CasesDir(), "*.hcl").OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(f);
                if (File.Exists(Path.Combine(CasesDir(), name + ".err")) == err)
                    data.Add(name);
            }
        }
        if (data.Count == 0)
            data.Add("");
        return data;
    }

    private static HclToJsonResult Convert(string name) =>
        HclToJson.Convert(File.ReadAllBytes(Path.Combine(CasesDir(), name + ".hcl")), name + ".hcl");

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Convert_ValidCase_IsJsonEqualToGolden(string name)
    {
        if (name.Length == 0)
            return;
        var result = Convert(name);
        Assert.False(result.Diagnostics.HasErrors, result.Diagnostics.ToString());
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CasesDir(), name + ".json")));
        using var actual = JsonDocument.Parse(result.Json);
        var diff = JsonEquality.Diff(expected.RootElement, actual.RootElement);
        Assert.True(diff == null, diff);
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Convert_ErrorCase_FailsWithGoldenFirstError(string name)
    {
        if (name.Length == 0)
            return;
        var result = Convert(name);
        Assert.True(result.Diagnostics.HasErrors);
        Assert.Equal("", result.Json);
        var expected = File.ReadAllLines(Path.Combine(CasesDir(), name + ".err"))[0];
        var first = result.Diagnostics.First(d => d.IsError);
        var actual = string.Create(CultureInfo.InvariantCulture, $"{first.Subject}: {first.Summary}");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Convert_ValidCase_IsByteIdenticalToGolden(string name)
    {
        if (name.Length == 0)
            return;
        var result = Convert(name);
        var expected = File.ReadAllText(Path.Combine(CasesDir(), name + ".json")).TrimEnd('\n');
        Assert.Equal(expected, result.Json);
    }
}
