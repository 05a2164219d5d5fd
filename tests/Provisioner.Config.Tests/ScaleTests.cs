using System.Text;

namespace Provisioner.Config.Tests;

public sealed class ScaleTests
{
    [Fact]
    public void ThousandsOfChainedResourcesLoad()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 20000; i++)
        {
            sb.Append("resource \"sim_machine\" \"m").Append(i).Append("\" {\n");
            if (i > 0)
                sb.Append("  after = sim_machine.m").Append(i - 1).Append(".id\n");
            sb.Append("  name = local.prefix\n}\n\n");
        }
        sb.Append("locals {\n  prefix = \"m\"\n}\n");
        using var cfg = new TempConfig(("main.hcl", sb.ToString()));
        var m = cfg.Load();
        Assert.Equal(20000, m.ManagedResources.Count);
        var deps = ModuleReferences.Dependencies(m);
        Assert.Equal(["sim_machine.m19998", "local.prefix"], deps["sim_machine.m19999"]);
    }
}
