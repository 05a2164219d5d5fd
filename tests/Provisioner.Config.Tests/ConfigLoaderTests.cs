using Provisioner.Hcl.Values;

namespace Provisioner.Config.Tests;

public sealed class ConfigLoaderTests
{
    private static ModuleConfig Load(string name)
    {
        var dir = Fixtures.Valid(name);
        var (module, diags) = new ConfigLoader(dir).LoadModule(dir);
        Assert.False(diags.HasErrors, diags.ToString());
        return module!;
    }

    [Fact]
    public void DecodesEveryBlockKind()
    {
        var m = Load("all_blocks");
        Assert.Equal(["main.hcl", "settings.hcl"], m.Files);
        Assert.Equal(">= 0.1, < 2.0", m.Settings.RequiredVersion);
        Assert.Equal("local", m.Settings.Backend!.Type);

        Assert.Equal(["cluster_name", "nodes", "token", "anything"], m.Variables.Keys);
        var name = m.Variables["cluster_name"];
        Assert.True(name.Required);
        Assert.Equal(HclType.String, name.Type.Type);
        Assert.Equal("Name of the cluster", name.Description);
        Assert.Single(name.Validations);
        Assert.True(name.Nullable);
        var token = m.Variables["token"];
        Assert.True(token.Sensitive);
        Assert.False(token.Nullable);
        Assert.Equal(HclValue.String("t0ken"), token.Default);
        // Optional attribute defaults are applied to the default value.
        var nodes = m.Variables["nodes"].Default!;
        Assert.Equal(HclValue.Number(2), nodes.Attributes["a"].GetAttribute("cpus"));
        Assert.False(m.Variables["anything"].TypeGiven);
        Assert.True(m.Variables["anything"].Type.Type.IsDynamic);

        Assert.Equal(["prefix", "names"], m.Locals.Keys);
        Assert.Equal(2, m.ProviderConfigs.Count);
        Assert.Equal("sim.east", m.ProviderConfigs[1].Address);

        var node = m.FindResource(ResourceMode.Managed, "sim_machine", "node")!;
        Assert.NotNull(node.ForEach);
        Assert.Null(node.Count);
        Assert.Equal("sim", node.Provider!.Name);
        Assert.Equal("east", node.Provider.Alias);
        Assert.Equal(["sim_network.main"], node.DependsOn.Select(t => t.ToString()));
        Assert.True(node.Lifecycle.CreateBeforeDestroy);
        Assert.False(node.Lifecycle.PreventDestroy);
        Assert.Equal(["tags", "labels[\"x\"]"], node.Lifecycle.IgnoreChanges.Select(t => t.ToString()));
        Assert.Single(node.Lifecycle.ReplaceTriggeredBy);
        Assert.Single(node.Lifecycle.Preconditions);
        Assert.Single(node.Lifecycle.Postconditions);
        Assert.Equal(56, node.DeclRange.Start.Line);
        Assert.Equal("\"sim_machine\"", Text(m, node.TypeRange));
        Assert.Equal("\"node\"", Text(m, node.NameRange));
        // Meta-arguments are removed from the config body; the resource's own arguments stay.
        var (attrs, _, _) = node.Config.PartialContent(new Hcl.BodySchema([new("name"), new("cpus"), new("image"), new("count")], []));
        Assert.Equal(["name", "cpus", "image"], attrs.Attributes.Keys);

        var net = m.FindResource(ResourceMode.Managed, "sim_network", "main")!;
        Assert.True(net.Lifecycle.IgnoreAllChanges);
        Assert.Equal("sim", net.ProviderName);

        var image = m.FindResource(ResourceMode.Data, "sim_image", "base")!;
        Assert.Equal("data.sim_image.base", image.Address);

        var dns = m.ModuleCalls["dns"];
        Assert.Equal("./dns", dns.Source);
        Assert.True(dns.IsLocalSource);
        Assert.Equal("sim", dns.Providers[0].InChild.Name);
        Assert.Equal("sim.east", dns.Providers[0].InParent.ToString());

        Assert.True(m.Outputs["names"].Preconditions.Count == 1);
        Assert.Equal("sim_machine.old", m.Moved[0].From.ToString());
        Assert.Equal("sim_network.main[0]", m.Imports[0].To.ToString());
        Assert.False(m.Removed[0].Destroy);
        Assert.Single(m.Checks["health"].ScopedData);
        Assert.Single(m.Checks["health"].Asserts);
    }

    private static string Text(ModuleConfig m, Hcl.Diagnostics.SourceRange r)
    {
        var bytes = File.ReadAllBytes(Path.Combine(m.Directory, r.Filename));
        return System.Text.Encoding.UTF8.GetString(bytes, r.Start.Byte, r.End.Byte - r.Start.Byte);
    }

    [Fact]
    public void LoadsJsonSyntaxAlongsideNative()
    {
        var m = Load("json");
        Assert.Equal(["extra.hcl", "main.hcl.json"], m.Files);
        Assert.Equal(HclValue.Number(3), m.Variables["size"].Default);
        var web = m.FindResource(ResourceMode.Managed, "sim_machine", "web")!;
        Assert.NotNull(web.Count);
        Assert.True(web.Lifecycle.CreateBeforeDestroy);
        Assert.Equal(["tags"], web.Lifecycle.IgnoreChanges.Select(t => t.ToString()));
        Assert.Equal(["sim_network.main"], web.DependsOn.Select(t => t.ToString()));
        Assert.True(m.Outputs["ids"].Sensitive);
    }

    [Fact]
    public void RegistersSourcesUnderDisplayNames()
    {
        var dir = Fixtures.Valid("all_blocks");
        var loader = new ConfigLoader(Path.GetDirectoryName(dir)!);
        var (_, diags) = loader.LoadModule(dir);
        Assert.Empty(diags);
        Assert.True(loader.Sources.TryGetSource("all_blocks/main.hcl", out var src));
        Assert.True(src.Length > 100);
        Assert.False(loader.Sources.TryGetSource("all_blocks/terraform.vars.hcl", out _));
    }

    [Fact]
    public void BuildsTheModuleTreeWithPaths()
    {
        var dir = Fixtures.Valid("tree");
        var (root, diags) = new ConfigLoader(dir).LoadTree(dir);
        Assert.Empty(diags);
        var addresses = root!.Descendants().Select(n => n.Address).ToArray();
        Assert.Equal(["", "module.cluster", "module.cluster.module.node", "module.cluster_copy", "module.cluster_copy.module.node"], addresses);
        var node = root.Children["cluster"].Children["node"];
        Assert.Equal(["cluster", "node"], node.Path);
        Assert.Equal("node", node.Call!.Name);
        Assert.Single(node.Config.ManagedResources);
    }

    [Fact]
    public void CycleDiagnosticPrintsTheChain()
    {
        var dir = Fixtures.Invalid("local_cycle");
        var (_, diags) = new ConfigLoader(dir).LoadModule(dir);
        var d = Assert.Single(diags);
        Assert.Contains("local.a -> local.b -> local.c -> local.a", d.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleCycleNamesTheChain()
    {
        var dir = Fixtures.Invalid("module_cycle");
        var (_, diags) = new ConfigLoader(dir).LoadTree(dir);
        var d = Assert.Single(diags);
        Assert.Contains("module.a -> module.a.module.b -> module.a.module.b.module.again", d.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestsTheClosestName()
    {
        var dir = Fixtures.Invalid("undeclared_variable_suggestion");
        var (_, diags) = new ConfigLoader(dir).LoadModule(dir);
        Assert.Contains("Did you mean \"region\"?", Assert.Single(diags).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNamesThePreviousDefinition()
    {
        var dir = Fixtures.Invalid("duplicate_resource");
        var (_, diags) = new ConfigLoader(dir).LoadModule(dir);
        Assert.Contains("already declared at main.hcl:1,1-", Assert.Single(diags).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectoryIsADiagnostic()
    {
        var (m, diags) = new ConfigLoader(Fixtures.Root).LoadModule(Path.Combine(Fixtures.Root, "nope"));
        Assert.Null(m);
        Assert.Equal("Failed to read module directory", Assert.Single(diags).Summary);
    }

    [Fact]
    public void JsonSyntaxErrorsAreReported()
    {
        var dir = Directory.CreateTempSubdirectory("cfg").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "main.hcl.json"), "{ \"variable\": { \"a\": { } }, }");
            var (_, diags) = new ConfigLoader(dir).LoadModule(dir);
            Assert.True(diags.HasErrors);
            Assert.Equal("main.hcl.json", diags[0].Subject!.Value.Filename);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void JsonReferencesAreValidated()
    {
        using var cfg = new TempConfig(("main.hcl.json", """
            {
              "variable": { "region": {} },
              "resource": {
                "sim_machine": {
                  "web": {
                    "name": "${var.regoin}",
                    "dynamic": { "disk": { "for_each": [1, 2], "content": { "size": "${disk.value}" } } }
                  }
                }
              },
              "output": { "o": { "value": "${sim_machine.nope.id}" } }
            }
            """));
        var (_, diags) = new ConfigLoader(cfg.Directory).LoadModule(cfg.Directory);
        Assert.Equal(["Reference to undeclared input variable", "Reference to undeclared resource"], diags.Select(d => d.Summary));
        Assert.All(diags, d => Assert.Equal("main.hcl.json", d.Subject!.Value.Filename));
        Assert.Equal(6, diags[0].Subject!.Value.Start.Line);
        Assert.Contains("Did you mean \"region\"?", diags[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main.hcl", true)]
    [InlineData("main.hcl.json", true)]
    [InlineData("x.vars.hcl", false)]
    [InlineData("x.auto.vars.hcl", false)]
    [InlineData("x.vars.hcl.json", false)]
    [InlineData("main.tf", false)]
    [InlineData(".hidden.hcl", false)]
    public void ConfigFileNames(string name, bool expected) => Assert.Equal(expected, ConfigLoader.IsConfigFile(name));
}
