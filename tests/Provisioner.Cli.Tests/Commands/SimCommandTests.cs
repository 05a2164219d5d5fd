using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Cli.Tests.Commands;

public sealed class SimCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prov-sim-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InDirectory(_dir, args);

    private async Task SeedAsync(string dir)
    {
        using var cloud = new SimCloud(Path.Combine(_dir, dir), SimCloudOptions.Default, TimeProvider.System);
        var net = (await cloud.CreateNetworkAsync("n", new NetworkSpec("lab", "10.5.0.0/24"), CancellationToken.None)).Value!;
        await cloud.CreateMachineAsync("b", new MachineSpec("web-2", null, "large", "zone-b", net.Id,
            new Dictionary<string, string> { ["role"] = "web", ["env"] = "test" }), CancellationToken.None);
        var gone = (await cloud.CreateMachineAsync("c", new MachineSpec("gone", null, "small", "zone-a", null, new Dictionary<string, string>()), CancellationToken.None)).Value!;
        await cloud.CreateMachineAsync("a", new MachineSpec("db-1", "img-0123456789ab", "small", "zone-a", null, new Dictionary<string, string>()), CancellationToken.None);
        await cloud.DeleteMachineAsync(gone.Id, "d", CancellationToken.None);
    }

    [Fact]
    public async Task Inventory_Json_PrintsLiveMachinesSortedById_WithNetworksAndIncidents()
    {
        // Given
        await SeedAsync("cloud");

        // When
        var (code, stdout, stderr) = await Run("sim", "inventory", "-dir", "cloud", "-json");

        // Then
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var machines = doc.RootElement.GetProperty("machines").EnumerateArray().ToList();
        Assert.Equal(["m-00000001", "m-00000003"], machines.Select(m => m.GetProperty("id").GetString()));
        var web = machines[0];
        Assert.Equal("web-2", web.GetProperty("name").GetString());
        Assert.Equal("large", web.GetProperty("size").GetString());
        Assert.Equal("zone-b", web.GetProperty("zone").GetString());
        Assert.Equal("web", web.GetProperty("labels").GetProperty("role").GetString());
        Assert.Equal("10.5.0.2", web.GetProperty("address").GetString());
        Assert.Equal("net-00000001", web.GetProperty("network_id").GetString());
        Assert.Equal(JsonValueKind.Null, web.GetProperty("image").ValueKind);
        Assert.Equal("img-0123456789ab", machines[1].GetProperty("image").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", web.GetProperty("created_at").GetString());
        Assert.Equal("10.5.0.0/24", doc.RootElement.GetProperty("networks")[0].GetProperty("cidr").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("incidents").GetArrayLength());
    }

    [Fact]
    public async Task Inventory_Human_PrintsTablesAndTotals()
    {
        await SeedAsync(".sim");

        var (code, stdout, _) = await Run("sim", "inventory");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.StartsWith("MACHINE     NAME   SIZE   ZONE    ADDRESS   NETWORK       LABELS", lines[0]);
        Assert.Contains("m-00000001  web-2  large  zone-b  10.5.0.2  net-00000001  env=test,role=web", stdout);
        Assert.Contains("2 machines, 1 network.", stdout);
    }

    [Fact]
    public async Task Inventory_NoInventory_Exits1()
    {
        var (code, stdout, stderr) = await Run("sim", "inventory", "-dir", "nowhere");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("No simulated cloud inventory in nowhere", stderr);
    }

    [Fact]
    public async Task Kill_ByNameOrId_MarksTheMachineDead_AndSaysSoTwice()
    {
        await SeedAsync("cloud");

        var byName = await Run("sim", "kill", "-dir", "cloud", "web-2");
        var again = await Run("sim", "kill", "-dir", "cloud", "m-00000001");
        var byId = await Run("sim", "kill", "-dir", "cloud", "m-00000003");

        Assert.Equal((0, ""), (byName.Code, byName.Err));
        Assert.Contains("Machine m-00000001 (web-2) killed", byName.Out);
        Assert.Equal(0, again.Code);
        Assert.Contains("Machine m-00000001 (web-2) is already dead.", again.Out);
        Assert.Equal(0, byId.Code);
        Assert.Contains("Machine m-00000003 (db-1) killed", byId.Out);
        var dir = Path.Combine(_dir, "cloud");
        Assert.True(NodeSoftwareKnobs.IsDead(dir, "m-00000001"));
        Assert.True(NodeSoftwareKnobs.IsDead(dir, "m-00000003"));
        // The cloud still lists dead machines.
        var (_, inventory, _) = await Run("sim", "inventory", "-dir", "cloud", "-json");
        using var doc = JsonDocument.Parse(inventory);
        Assert.Equal(2, doc.RootElement.GetProperty("machines").GetArrayLength());
    }

    [Fact]
    public async Task Kill_UnknownOrDeletedMachine_Exits1()
    {
        await SeedAsync("cloud");

        var unknown = await Run("sim", "kill", "-dir", "cloud", "nobody");
        var deleted = await Run("sim", "kill", "-dir", "cloud", "gone");
        var noCloud = await Run("sim", "kill", "-dir", "nowhere", "web-2");

        Assert.Equal(1, unknown.Code);
        Assert.Contains("No machine with id or name \"nobody\" in cloud", unknown.Err);
        Assert.Equal(1, deleted.Code);
        Assert.Equal(1, noCloud.Code);
        Assert.Contains("No simulated cloud inventory in nowhere", noCloud.Err);
        Assert.False(NodeSoftwareKnobs.IsDead(Path.Combine(_dir, "cloud"), "m-00000001"));
    }

    [Fact]
    public async Task Kill_NameSharedByTwoMachines_AsksForTheId()
    {
        await SeedAsync("cloud");
        using (var cloud = new SimCloud(Path.Combine(_dir, "cloud"), SimCloudOptions.Default, TimeProvider.System))
            await cloud.CreateMachineAsync("twin", new MachineSpec("web-2", null, "small", "zone-a", null, new Dictionary<string, string>()), CancellationToken.None);

        var (code, _, err) = await Run("sim", "kill", "-dir", "cloud", "web-2");

        Assert.Equal(1, code);
        Assert.Contains("2 machines are called \"web-2\" (m-00000001, m-00000004); name one by its id", err);
    }

    [Fact]
    public void BuiltinProviders_RegistersSim()
    {
        var registry = BuiltinProviders.Create();
        Assert.True(registry.TryGet("sim", out var factory));
        Assert.Equal("sim", factory.Create().Name);
    }
}
