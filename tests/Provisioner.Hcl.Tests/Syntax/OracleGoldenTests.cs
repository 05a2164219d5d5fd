using System.Globalization;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

/// <summary>
/// Checks parse success/failure and diagnostics against the hcl2json oracle goldens in
/// <c>testdata/hcl2json/cases</c> (<c>NAME.json</c>: valid; <c>NAME.err</c>: first diagnostic and all diagnostics).
/// </summary>
public sealed class OracleGoldenTests
{
    private static string CasesDir() => Path.Combine(SyntaxTestSupport.RepoRoot(), "tests", "Provisioner.Hcl.Tests", "testdata", "hcl2json", "cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(CasesDir()))
        {
            foreach (var f in Directory.EnumerateFiles(CasesDir(), "*.hcl").OrderBy(f => f, StringComparer.Ordinal))
                data.Add(Path.GetFileNameWithoutExtension(f));
        }
        if (data.Count == 0)
            data.Add("");
        return data;
    }

    private static ParseResult<ConfigFile> Parse(string name) =>
        HclSyntax.ParseConfig(File.ReadAllBytes(Path.Combine(CasesDir(), name + ".hcl")), name + ".hcl");

    private static string Format(Provisioner.Hcl.Diagnostics.Diagnostic d, bool withDetail) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Subject}: {d.Summary}") + (withDetail ? "; " + d.Detail.Replace("\n", "\\n", StringComparison.Ordinal) : "");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParseConfig_OracleCase_MatchesValidityAndFirstDiagnostic(string name)
    {
        if (name.Length == 0)
            return;
        var result = Parse(name);
        var errPath = Path.Combine(CasesDir(), name + ".err");
        if (!File.Exists(errPath))
        {
            Assert.False(result.HasErrors, result.Diagnostics.ToString());
            return;
        }
        var expected = File.ReadAllLines(errPath)[0];
        Assert.True(result.HasErrors, "expected: " + expected);
        Assert.Equal(expected, Format(result.Diagnostics.First(d => d.IsError), withDetail: false));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParseConfig_OracleErrorCase_MatchesAllDiagnostics(string name)
    {
        var errPath = Path.Combine(CasesDir(), name + ".err");
        if (name.Length == 0 || !File.Exists(errPath))
            return;
        var result = Parse(name);
        var expected = File.ReadAllLines(errPath)[1];
        var actual = "parse config: [" + string.Join(" ", result.Diagnostics.Where(d => d.IsError).Select(d => Format(d, true))) + "]";
        Assert.Equal(expected, actual);
    }
}
