using System.Text.RegularExpressions;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config.Tests.Validation;

/// <summary>
/// Every <c>testdata/invalid/NAME</c> directory is loaded as a module tree; each <c># ERROR: summary</c> comment
/// expects exactly one error with that summary whose subject starts on that line (OpenTofu's style).
/// </summary>
public sealed partial class InvalidFixtureTests
{
    [GeneratedRegex(@"#\s*(ERROR|WARNING):\s*(.+?)\s*$")]
    private static partial Regex Expectation();

    public static IEnumerable<object[]> Cases() => Fixtures.Names("invalid");

    [Fact]
    public void ThereAreAtLeastThirtyInvalidFixtures() => Assert.True(Cases().Count() >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var dir = Fixtures.Invalid(name);
        var expected = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.hcl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(dir, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Expectation().Match(lines[i]);
                if (m.Success)
                    expected.Add($"{rel}:{i + 1}: {m.Groups[1].Value.ToLowerInvariant()}: {m.Groups[2].Value}");
            }
        }
        Assert.NotEmpty(expected);

        var loader = new ConfigLoader(dir);
        var (_, diags) = loader.LoadTree(dir);
        var actual = diags
            .Select(d => $"{d.Subject?.Filename ?? "<none>"}:{d.Subject?.Start.Line ?? 0}: {(d.IsError ? "error" : "warning")}: {d.Summary}")
            .ToList();
        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        Assert.True(expected.SequenceEqual(actual),
            $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}\nfull:\n{diags}");
    }

    [Fact]
    public void EveryDiagnosticHasDetailAndSubject()
    {
        foreach (var c in Cases())
        {
            var dir = Fixtures.Invalid((string)c[0]);
            var (_, diags) = new ConfigLoader(dir).LoadTree(dir);
            foreach (Diagnostic d in diags)
            {
                Assert.False(string.IsNullOrEmpty(d.Detail), $"{c[0]}: {d}");
                Assert.NotNull(d.Subject);
            }
        }
    }
}
