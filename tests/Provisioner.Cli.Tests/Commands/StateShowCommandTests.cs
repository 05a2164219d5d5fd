namespace Provisioner.Cli.Tests.Commands;

public sealed class StateShowCommandTests : IDisposable
{
    private readonly StateTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Show_Instance_RendersHclLikeBlockWithSensitiveHidden()
    {
        // Given
        _dir.Seed();

        // When
        var (code, stdout, stderr) = await _dir.Run("state", "show", "sim_machine.web[0]");

        // Then: names padded, keys sorted, null attributes left out, password hidden
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            """
            # sim_machine.web[0]:
            resource "sim_machine" "web" {
                id       = "m-1"
                labels   = {
                    "role" = "web"
                }
                name     = "web-0"
                password = (sensitive value)
                ports    = [
                    80,
                    443,
                ]
            }

            """,
            stdout);
        Assert.DoesNotContain("hunter2", stdout);
    }

    [Fact]
    public async Task Show_TaintedWithSensitiveMapKey_MarksTaintedAndHidesOnlyThatKey()
    {
        _dir.Seed();
        var (code, stdout, _) = await _dir.Run("state", "show", "sim_machine.web[1]");
        Assert.Equal(0, code);
        Assert.StartsWith("# sim_machine.web[1]: (tainted)\n", stdout);
        Assert.Contains("\"role\"  = \"web\"", stdout);
        Assert.Contains("\"token\" = (sensitive value)", stdout);
        Assert.DoesNotContain("label-secret", stdout);
        Assert.DoesNotContain("password", stdout);
    }

    [Fact]
    public async Task Show_DataSourceInModuleAndStringKey()
    {
        _dir.Seed();
        Assert.Equal("# data.sim_image.base:\ndata \"sim_image\" \"base\" {\n    id = \"img-1\"\n}\n", (await _dir.Run("state", "show", "data.sim_image.base")).Out);
        Assert.Equal("# module.app[\"a\"].sim_machine.x:\nresource \"sim_machine\" \"x\" {\n    id = \"m-9\"\n}\n", (await _dir.Run("state", "show", "module.app[\"a\"].sim_machine.x")).Out);
        Assert.Contains("id = \"np-1\"", (await _dir.Run("state", "show", "sim_node_pool.workers[\"w-1\"]")).Out);
    }

    [Fact]
    public async Task Show_DeposedAndNestedSensitivePaths_NoSecretPrinted()
    {
        // Given
        _dir.Seed("deposed.json");

        // When
        var (code, stdout, _) = await _dir.Run("state", "show", "sim_machine.db");

        // Then: current object first, then the deposed one; every sensitive path hidden, siblings shown
        Assert.Equal(0, code);
        Assert.Equal(
            """
            # sim_machine.db:
            resource "sim_machine" "db" {
                cert        = {
                    "key" = (sensitive value)
                    "pem" = "CERT"
                }
                id          = "m-new"
                kubeconfig  = (sensitive value)
                nodes       = [
                    {
                        "ip"    = "10.0.0.5"
                        "token" = (sensitive value)
                    },
                ]
                "weird key" = true
            }

            # sim_machine.db: (deposed object 0a1b2c3d)
            resource "sim_machine" "db" {
                id         = "m-old"
                kubeconfig = (sensitive value)
            }

            """,
            stdout);
        foreach (var secret in new[] { "PRIVATE-KEY", "node-token", "secret", "newsecret" })
            Assert.DoesNotContain(secret, stdout);
    }

    [Fact]
    public async Task Show_UnparseableSensitivePath_HidesEveryValue()
    {
        await File.WriteAllTextAsync(_dir.StatePath, """
            {"format_version": 1, "lineage": "l", "serial": 1, "resources": [
              {"mode": "managed", "type": "sim_machine", "name": "a", "provider": "sim", "instances": [
                {"schema_version": 0, "attributes": {"id": "m-1", "secret": "xyz"}, "sensitive_attributes": ["secret[*]"]}]}]}
            """);
        var (code, stdout, _) = await _dir.Run("state", "show", "sim_machine.a");
        Assert.Equal(0, code);
        Assert.Contains("id     = (sensitive value)", stdout);
        Assert.DoesNotContain("xyz", stdout);
    }

    [Theory]
    [InlineData("sim_machine.web")]
    [InlineData("sim_machine.web[7]")]
    [InlineData("sim_machine.nope")]
    [InlineData("module.app.sim_machine.x")]
    public async Task Show_NoSuchInstance_IsError(string address)
    {
        var before = _dir.Seed();
        var (code, stdout, stderr) = await _dir.Run("state", "show", address);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: No instance found for the given address!", stderr);
        Assert.Equal(before, _dir.StateBytes());
    }

    [Fact]
    public async Task Show_ModuleAddress_IsError()
    {
        _dir.Seed();
        var (code, _, stderr) = await _dir.Run("state", "show", "module.net");
        Assert.Equal(1, code);
        Assert.Contains("names a module", stderr);
    }

    [Fact]
    public async Task Show_NoState_IsError()
    {
        var (code, _, stderr) = await _dir.Run("state", "show", "sim_machine.a");
        Assert.Equal(1, code);
        Assert.Contains("No state file was found!", stderr);
    }
}
