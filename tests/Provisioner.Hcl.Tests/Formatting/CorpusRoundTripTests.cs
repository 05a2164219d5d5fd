using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Formatting;

/// <summary>
/// Every valid <c>.hcl</c>/<c>.tf</c> file under the test data and the shared conformance corpus formats to a file
/// that parses, has the same tokens, and is a fixed point of the formatter.
/// </summary>
public sealed class CorpusRoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var roots = new List<string> { FormatTestSupport.TestDataDir() };
        if (FormatTestSupport.ConformanceDir() is { } conformance)
            roots.Add(conformance);
        var examples = Path.Combine(FormatTestSupport.RepoRoot(), "examples");
        if (Directory.Exists(examples))
            roots.Add(examples);
        foreach (var root in roots)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetExtension(file) is ".hcl" or ".tf" or ".tfvars")
                    data.Add(file);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FormatIsTokenEquivalentAndIdempotent(string file)
    {
        var src = File.ReadAllBytes(file);
        if (HclSyntax.ParseConfig(src, file).Diagnostics.HasErrors)
            return; // deliberately invalid inputs are out of scope (and left unchanged, see FormatRulesTests)
        FormatTestSupport.AssertRoundTrip(src, file);
    }
}
