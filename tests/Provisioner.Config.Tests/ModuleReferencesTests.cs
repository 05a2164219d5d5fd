namespace Provisioner.Config.Tests;

public sealed class ModuleReferencesTests
{
    [Fact]
    public void ListsWhatEachObjectRefersTo()
    {
        var dir = Fixtures.Valid("all_blocks");
        var (m, diags) = new ConfigLoader(dir).LoadModule(dir);
        Assert.False(diags.HasErrors, diags.ToString());
        var deps = ModuleReferences.Dependencies(m!);
        Assert.Equal(["local.prefix", "var.nodes"], deps["local.names"].Order(StringComparer.Ordinal));
        Assert.Equal(["var.cluster_name"], deps["local.prefix"]);
        Assert.Equal(
            ["data.sim_image.base", "local.prefix", "provider.sim.east", "sim_network.main", "var.nodes"],
            deps["sim_machine.node"].Order(StringComparer.Ordinal));
        Assert.Equal(["provider.sim"], deps["sim_network.main"]);
        Assert.Equal(["sim_network.main", "var.cluster_name"], deps["module.dns"].Order(StringComparer.Ordinal));
        Assert.Equal(["local.names", "sim_machine.node"], deps["output.names"].Order(StringComparer.Ordinal));
        Assert.Empty(deps["provider.sim"]);
    }

    [Fact]
    public void ProviderConfigurationsTakePartInCycles()
    {
        using var cfg = new TempConfig(("main.hcl", """
            provider "sim" {
              endpoint = sim_machine.a.address
            }

            resource "sim_machine" "a" {
            }
            """));
        var (_, diags) = new ConfigLoader(cfg.Directory).LoadModule(cfg.Directory);
        var d = Assert.Single(diags);
        Assert.Equal("Dependency cycle", d.Summary);
        Assert.Contains("provider.sim -> sim_machine.a -> provider.sim", d.Detail, StringComparison.Ordinal);
    }
}
