using System.Text.Json;

namespace Provisioner.Cli.Tests.Commands;

public sealed class OutputCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Output_All_SortedWithSensitiveHiddenAndTypeConversions()
    {
        _dir.Seed();
        var (code, stdout, stderr) = await _dir.Run("output");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            """
            admin_token = <sensitive>
            ips = tolist([
              "10.0.0.1",
              "10.0.0.2",
            ])
            name = "demo"
            sizes = tomap({
              "web" = 2
            })

            """,
            stdout);
        Assert.DoesNotContain("s3cr3t", stdout);
    }

    [Fact]
    public async Task Output_Named_PrintsValueEvenWhenSensitive()
    {
        _dir.Seed();
        Assert.Equal("\"demo\"\n", (await _dir.Run("output", "name")).Out);
        Assert.Equal("\"s3cr3t-token\"\n", (await _dir.Run("output", "admin_token")).Out);
        Assert.Equal("tolist([\n  \"10.0.0.1\",\n  \"10.0.0.2\",\n])\n", (await _dir.Run("output", "ips")).Out);
    }

    [Fact]
    public async Task Output_Json_AllWithRealValues()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("output", "-json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var token = doc.RootElement.GetProperty("admin_token");
        Assert.True(token.GetProperty("sensitive").GetBoolean());
        Assert.Equal("string", token.GetProperty("type").GetString());
        Assert.Equal("s3cr3t-token", token.GetProperty("value").GetString());
        Assert.Equal("list", doc.RootElement.GetProperty("ips").GetProperty("type")[0].GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("sizes").GetProperty("value").GetProperty("web").GetInt32());
        Assert.Equal(["admin_token", "ips", "name", "sizes"], doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Output_JsonNamed_PrintsJustTheValue()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("output", "-json", "ips");
        Assert.Equal(0, code);
        Assert.Equal("[\n  \"10.0.0.1\",\n  \"10.0.0.2\"\n]\n", stdout);
    }

    [Fact]
    public async Task Output_Raw_StringWithoutQuotesOrNewline()
    {
        _dir.Seed();
        Assert.Equal("s3cr3t-token", (await _dir.Run("output", "-raw", "admin_token")).Out);
        Assert.Equal("demo", (await _dir.Run("output", "-raw", "name")).Out);
    }

    [Fact]
    public async Task Output_RawComplexValue_IsErrorNamingTheType()
    {
        _dir.Seed();
        var (code, stdout, stderr) = await _dir.Run("output", "-raw", "ips");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("Unsupported value for raw output", stderr);
        Assert.Contains("is list of string", stderr);
    }

    [Theory]
    [InlineData(new[] { "output", "-raw" }, "Output name required")]
    [InlineData(new[] { "output", "-raw", "-json", "name" }, "mutually exclusive")]
    [InlineData(new[] { "output", "nope" }, "Output \"nope\" not found")]
    public async Task Output_UserErrors_Exit1(string[] args, string message)
    {
        _dir.Seed();
        var (code, stdout, stderr) = await _dir.Run(args);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task Output_NoState_WarnsAndJsonIsEmptyObject()
    {
        var human = await _dir.Run("output");
        Assert.Equal(0, human.Code);
        Assert.Equal("", human.Out);
        Assert.StartsWith("warning: No outputs found", human.Err);
        var json = await _dir.Run("output", "-json");
        Assert.Equal(0, json.Code);
        Assert.Equal("{}\n", json.Out);
    }

    [Fact]
    public async Task Output_CorruptState_IsError()
    {
        await File.WriteAllTextAsync(_dir.StatePath, "{");
        var (code, _, stderr) = await _dir.Run("output");
        Assert.Equal(1, code);
        Assert.Contains("Failed to load state", stderr);
    }
}
