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

    /// <summary>Inputs that are deliberately invalid (a sibling .err golden, or a specsuite .t file expecting diagnostics).</summary>
    private static bool ExpectsErrors(string file)
    {
        if (Path.GetExtension(file) != ".hcl")
            return false;
        if (File.Exists(Path.ChangeExtension(file, ".err")))
            return true;
        var t = Path.ChangeExtension(file, ".t");
        return File.Exists(t) && File.ReadAllText(t).Contains("diagnostics {", StringComparison.Ordinal)
            && !file.EndsWith("unexpected.hcl", StringComparison.Ordinal);
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
        if (!ExpectsErrors(file))
            Assert.False(result.HasErrors, file + ":\n" + result.Diagnostics);
        else
            Assert.True(result.HasErrors, file);
    }
}
