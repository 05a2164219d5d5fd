using System.Text.Json;

namespace Provisioner.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InDirectory(_dir, args);

    [Fact]
    public async Task Validate_ValidConfiguration_SaysSuccess()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "main.hcl"), "variable \"n\" {\n  type    = number\n  default = 1\n}\n\nlocals {\n  twice = var.n * 2\n}\n");
        var (code, stdout, stderr) = await Run("validate");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Success! The configuration is valid.", stdout);
    }

    [Fact]
    public async Task Validate_UndeclaredVariable_Exits1WithSuggestionAndCaret()
    {
        // Given
        await File.WriteAllTextAsync(Path.Combine(_dir, "main.hcl"), "variable \"name\" {}\n\nlocals {\n  x = var.nmae\n}\n");

        // When
        var (code, stdout, stderr) = await Run("validate");

        // Then
        Assert.Equal(1, code);
        Assert.DoesNotContain("Success", stdout);
        Assert.StartsWith("main.hcl:4:7: error: Reference to undeclared input variable", stderr);
        Assert.Contains("Did you mean \"name\"?", stderr);
        Assert.Contains("   |       ^^^^^^^^", stderr);
    }

    [Fact]
    public async Task Validate_Json_ReportsDiagnosticsWithRanges()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "main.hcl"), "locals {\n  a = local.b\n  b = local.a\n}\n");
        var (code, stdout, _) = await Run("validate", "-json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        var d = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("main.hcl", d.GetProperty("range").GetProperty("filename").GetString());
        Assert.Contains("local.a", d.GetProperty("detail").GetString() + d.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Validate_Chdir_ValidatesThatDirectory()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "cfg"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "cfg", "main.hcl"), "resource \"sim_machine\" \"a\" {\n  count = 1\n  for_each = {}\n}\n");
        var (code, _, stderr) = await Run("-chdir=cfg", "validate");
        Assert.Equal(1, code);
        Assert.StartsWith("main.hcl:", stderr);
    }
}
