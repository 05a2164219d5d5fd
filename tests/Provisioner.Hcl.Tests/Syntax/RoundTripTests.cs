using System.Buffers;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Syntax;

public sealed class RoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = SyntaxTestSupport.RepoRoot();
        var roots = new List<string>();
        if (SyntaxTestSupport.ConformanceDir() is { } conf)
            roots.Add(conf);
        foreach (var sub in new[] { "tests", "examples" })
        {
            var dir = Path.Combine(root, sub);
            if (Directory.Exists(dir))
                roots.Add(dir);
        }
        foreach (var dir in roots)
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }
                var ext = Path.GetExtension(file);
                var fromConformance = dir.EndsWith("conformance", StringComparison.Ordinal);
                if (ext == ".hcl" || (fromConformance && ext is ".t" or ".hcldec"))
                    data.Add(file);
            }
        }
        if (data.Count == 0)
            data.Add("");
        return data;
    }

    /// <summary>
    /// Whether the file is expected to parse with errors: true for deliberate error cases (a sibling .err golden,
    /// a specsuite .t expecting diagnostics), false for known-valid corpora (specsuite, hcl2json goldens,
    /// examples), null for other teams' fixtures, whose validity we do not assert.
    /// </summary>
    private static bool? ExpectsErrors(string file)
    {
        var sep = Path.DirectorySeparatorChar;
        if (File.Exists(Path.ChangeExtension(file, ".err")))
            return true;
        if (file.Contains($"{sep}conformance{sep}", StringComparison.Ordinal))
        {
            if (Path.GetExtension(file) != ".hcl")
                return false;
            var t = Path.ChangeExtension(file, ".t");
            return File.Exists(t) && File.ReadAllText(t).Contains("diagnostics {", StringComparison.Ordinal)
                && !file.EndsWith("unexpected.hcl", StringComparison.Ordinal);
        }
        if (file.Contains($"{sep}hcl2json{sep}", StringComparison.Ordinal) || file.Contains($"{sep}examples{sep}", StringComparison.Ordinal))
            return false;
        return null;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ParseConfig_KnownFile_RoundTripsByteForByte(string file)
    {
        if (file.Length == 0)
            return;
        // Given
        var bytes = File.ReadAllBytes(file);

        // When
        var result = HclSyntax.ParseConfig(bytes, file);

        // Then
        var buffer = new ArrayBufferWriter<byte>();
        result.Tree.WriteTo(buffer);
        Assert.Equal(bytes, buffer.WrittenSpan.ToArray());
        var tokens = result.Tree.Tokens;
        var pos = 0;
        foreach (var t in tokens)
        {
            Assert.Equal(pos, t.Start);
            pos = t.End;
        }
        Assert.Equal(bytes.Length, pos);
        var expectsErrors = ExpectsErrors(file);
        if (expectsErrors == false)
            Assert.False(result.HasErrors, file + ":\n" + result.Diagnostics);
        else if (expectsErrors == true)
            Assert.True(result.HasErrors, file);
    }
}
