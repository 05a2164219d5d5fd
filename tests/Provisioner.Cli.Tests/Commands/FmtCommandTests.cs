namespace Provisioner.Cli.Tests.Commands;

public sealed class FmtCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InDirectory(_dir, args);

    [Fact]
    public async Task Fmt_Check_UnformattedFile_Exits3AndLeavesFileAlone()
    {
        // Given
        var file = Path.Combine(_dir, "main.hcl");
        await File.WriteAllTextAsync(file, "a=1\n");

        // When
        var (code, stdout, _) = await Run("fmt", "-check");

        // Then
        Assert.Equal(3, code);
        Assert.Equal("main.hcl\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal("a=1\n", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Fmt_Default_RewritesAndLists()
    {
        var file = Path.Combine(_dir, "main.hcl");
        await File.WriteAllTextAsync(file, "a=1\nbb = 2\n");
        var (code, stdout, _) = await Run("fmt");
        Assert.Equal(0, code);
        Assert.Equal("main.hcl\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal("a  = 1\nbb = 2\n", await File.ReadAllTextAsync(file));
        Assert.Equal(0, (await Run("fmt", "-check")).Code);
    }

    [Fact]
    public async Task Fmt_Diff_PrintsUnifiedDiff()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "x.hcl"), "a=1\n");
        var (code, stdout, _) = await Run("fmt", "-check", "-diff", "-list=false");
        Assert.Equal(3, code);
        Assert.Equal("--- old/x.hcl\n+++ new/x.hcl\n@@ -1,1 +1,1 @@\n-a=1\n+a = 1\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Fmt_Recursive_FindsSubdirectoriesButSkipsHidden()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "mod"));
        Directory.CreateDirectory(Path.Combine(_dir, ".provisioner"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "mod", "m.hcl"), "a=1\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, ".provisioner", "cache.hcl"), "a=1\n");
        Assert.Equal(0, (await Run("fmt", "-check")).Code);
        var (code, stdout, _) = await Run("fmt", "-check", "-recursive");
        Assert.Equal(3, code);
        Assert.Equal($"mod{Path.DirectorySeparatorChar}m.hcl\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Fmt_SyntaxError_Exits1WithDiagnosticAndLeavesFile()
    {
        var file = Path.Combine(_dir, "bad.hcl");
        await File.WriteAllTextAsync(file, "a = \"x\", b = 2\n");
        var (code, _, stderr) = await Run("fmt");
        Assert.Equal(1, code);
        Assert.StartsWith("bad.hcl:1:8: error: Unexpected comma after argument", stderr);
        Assert.Contains("   |        ^", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("a = \"x\", b = 2\n", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Fmt_ChdirToMissingDirectory_Exits1()
    {
        var (code, _, stderr) = await Run("-chdir=nope", "fmt");
        Assert.Equal(1, code);
        Assert.Contains("chdir nope", stderr);
    }

    [Fact]
    public async Task Fmt_UnknownFlag_Exits1NamingTheFlag()
    {
        var (code, _, stderr) = await Run("fmt", "-bogus");
        Assert.Equal(1, code);
        Assert.Contains("flag provided but not defined: -bogus", stderr);
    }

    [Fact]
    public async Task Fmt_MissingTarget_Exits1()
    {
        var (code, _, stderr) = await Run("fmt", "nothere.hcl");
        Assert.Equal(1, code);
        Assert.Contains("No file or directory at nothere.hcl", stderr);
    }
}
