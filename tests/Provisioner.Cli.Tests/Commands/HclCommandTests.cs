using System.Text.Json;

namespace Provisioner.Cli.Tests.Commands;

public sealed class HclCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-hcl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InDirectory(_dir, args);

    [Fact]
    public async Task ToJson_ValidFile_PrintsHcl2JsonShape()
    {
        // Given
        await File.WriteAllTextAsync(Path.Combine(_dir, "main.hcl"), "name = \"web-${var.env}\"\nresource \"sim_machine\" \"a\" {\n  size = var.big ? \"l\" : \"s\"\n}\n");

        // When
        var (code, stdout, _) = await Run("hcl", "to-json", "main.hcl");

        // Then
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("web-${var.env}", doc.RootElement.GetProperty("name").GetString());
        var body = doc.RootElement.GetProperty("resource").GetProperty("sim_machine").GetProperty("a")[0];
        Assert.Equal("${var.big ? \"l\" : \"s\"}", body.GetProperty("size").GetString());
    }

    [Fact]
    public async Task ToJson_SyntaxError_Exits1WithRange()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "bad.hcl"), "a {\n");
        var (code, stdout, stderr) = await Run("hcl", "to-json", "bad.hcl");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("bad.hcl:1:3: error: Unclosed configuration block", stderr);
    }

    [Fact]
    public async Task ToJson_MissingFile_Exits1()
    {
        var (code, _, stderr) = await Run("hcl", "to-json", "none.hcl");
        Assert.Equal(1, code);
        Assert.Contains("No file at none.hcl", stderr);
    }
}
