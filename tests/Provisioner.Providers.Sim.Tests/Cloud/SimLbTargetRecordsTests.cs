using System.Text;
using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cloud;

/// <summary>Target registrations as incremental log records: order, replay, old-form logs, linear log growth.</summary>
public sealed class SimLbTargetRecordsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SkippingTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => CancellationToken.None;

    private string LogPath => Path.Combine(_dir.Path, InventoryLog.LogFileName);

    private SimCloud Open() => new(_dir.Path, SimCloudOptions.Default, _time);

    private static LoadBalancerSpec Spec(string name = "ingress") => new(name, [new SimListener(80, 30080)], new SimHealthCheck(30080, 10));

    private static MachineSpec Machine(string name) => new(name, null, "small", "zone-a", null, new Dictionary<string, string>());

    private static string[] Targets(SimLoadBalancer lb) => [.. lb.Targets.Select(t => $"{t.NodeName}={t.MachineId}")];

    private static SimLoadBalancer Lb(SimCloud cloud, string id) => cloud.Snapshot().LoadBalancers.Single(l => l.Id == id);

    [Fact]
    public async Task RegisterDeregisterAndReRegisterKeepOneSortedTargetPerNode()
    {
        using var cloud = Open();
        // A second client opened before any change: it must follow every record incrementally.
        using var watcher = Open();
        Assert.Empty(watcher.Snapshot().LoadBalancers);
        var lb = (await cloud.CreateLoadBalancerAsync("t-lb", Spec(), Ct)).Value!;
        var m = new Dictionary<string, SimMachine>(StringComparer.Ordinal);
        foreach (var (name, i) in new[] { "w-c", "w-a", "w-b", "w-b2" }.Select((n, i) => (n, i)))
            m[name] = (await cloud.CreateMachineAsync($"t-m{i}", Machine(name), Ct)).Value!;

        await cloud.RegisterTargetAsync(lb.Id, "w-c", m["w-c"].Id, "t-r1", Ct);
        await cloud.RegisterTargetAsync(lb.Id, "w-a", m["w-a"].Id, "t-r2", Ct);
        var before = Lb(cloud, lb.Id);
        await cloud.RegisterTargetAsync(lb.Id, "w-b", m["w-b"].Id, "t-r3", Ct);
        Assert.Equal([$"w-a={m["w-a"].Id}", $"w-b={m["w-b"].Id}", $"w-c={m["w-c"].Id}"], Targets(Lb(cloud, lb.Id)));
        // A load balancer handed out earlier is a snapshot: later registrations do not show in it.
        Assert.Equal([$"w-a={m["w-a"].Id}", $"w-c={m["w-c"].Id}"], Targets(before));

        // Re-registering a node (under a new token) replaces its target: still one per node.
        var moved = (await cloud.RegisterTargetAsync(lb.Id, "w-b", m["w-b2"].Id, "t-r4", Ct)).Value!;
        Assert.Equal(m["w-b2"].Address, moved.Address);
        Assert.Equal([$"w-a={m["w-a"].Id}", $"w-b={m["w-b2"].Id}", $"w-c={m["w-c"].Id}"], Targets(Lb(cloud, lb.Id)));
        // The first registration's token answers with the node's target as it is now, and registers nothing.
        Assert.Equal(moved, (await cloud.RegisterTargetAsync(lb.Id, "w-b", m["w-b"].Id, "t-r3", Ct)).Value);
        Assert.Equal(3, Lb(cloud, lb.Id).Targets.Count);

        Assert.Null((await cloud.DeregisterTargetAsync(lb.Id, "w-a", "t-d1", Ct)).Error);
        Assert.Equal(SimErrorCodes.NotFound, (await cloud.DeregisterTargetAsync(lb.Id, "w-a", "t-d2", Ct)).Error!.Code);
        Assert.Equal(SimErrorCodes.NotFound, (await cloud.DeregisterTargetAsync("lb-000000ff", "w-a", "t-d3", Ct)).Error!.Code);
        Assert.Equal(SimErrorCodes.NotFound, (await cloud.RegisterTargetAsync("lb-000000ff", "w-a", m["w-a"].Id, "t-r9", Ct)).Error!.Code);
        await cloud.RegisterTargetAsync(lb.Id, "w-a", m["w-a"].Id, "t-r5", Ct);

        // An update changes the header, keeps the targets, and answers with them.
        var updated = (await cloud.UpdateLoadBalancerAsync(lb.Id, "t-u1", Spec("ingress2") with { HealthCheck = null }, Ct)).Value!;
        string[] expected = [$"w-a={m["w-a"].Id}", $"w-b={m["w-b2"].Id}", $"w-c={m["w-c"].Id}"];
        Assert.Equal("ingress2", updated.Name);
        Assert.Equal(expected, Targets(updated));
        Assert.Equal(expected, Targets(Lb(cloud, lb.Id)));
        Assert.Equal(m["w-c"].Id, updated.Target("w-c")?.MachineId);
        Assert.Null(updated.Target("w-z"));

        // The same world from a client that followed along, and from a fresh replay of the whole log.
        Assert.Equal(expected, Targets(Lb(watcher, lb.Id)));
        using var fresh = new SimCloud(_dir.Path, SimCloudOptions.Default, _time);
        var replayed = Lb(fresh, lb.Id);
        Assert.Equal(expected, Targets(replayed));
        Assert.Equal("ingress2", replayed.Name);
        Assert.Null(replayed.HealthCheck);
        Assert.Equal(m["w-b2"].Address, replayed.Target("w-b")!.Address);

        // The records written: one target or one node each, never the whole load balancer.
        var records = File.ReadAllLines(LogPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var r in records.Where(r => r.GetProperty("op").GetString() is "register" or "deregister"))
        {
            Assert.False(r.TryGetProperty("load_balancer", out _));
            Assert.True(r.TryGetProperty("node", out _));
            Assert.Equal(r.GetProperty("op").GetString() == "register", r.TryGetProperty("target", out _));
        }
        var update = records.Single(r => r.GetProperty("op").GetString() == "update");
        Assert.Equal(0, update.GetProperty("load_balancer").GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task TheJsonViewListsTargetsSortedByNode()
    {
        using var cloud = Open();
        var lb = (await cloud.CreateLoadBalancerAsync("t-lb", Spec(), Ct)).Value!;
        var names = new[] { "w-10", "w-2", "w-1", "cp-1", "w-9" };
        for (var i = 0; i < names.Length; i++)
        {
            var machine = (await cloud.CreateMachineAsync($"t-m{i}", Machine(names[i]), Ct)).Value!;
            await cloud.RegisterTargetAsync(lb.Id, names[i], machine.Id, $"t-r{i}", Ct);
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            LoadBalancerJson.Write(w, cloud.Snapshot().LoadBalancers);
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var nodes = doc.RootElement.GetProperty("load_balancers")[0].GetProperty("targets").EnumerateArray()
            .Select(t => t.GetProperty("node").GetString()!).ToArray();
        Assert.Equal(new[] { "cp-1", "w-1", "w-10", "w-2", "w-9" }, nodes);
    }

    [Fact]
    public async Task AnOldFormLogReplaysAndCanBeContinued()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "testdata", "old-lb-log", InventoryLog.LogFileName), LogPath);
        using (var cloud = Open())
        {
            var snapshot = cloud.Snapshot();
            Assert.Equal(0, snapshot.SkippedLines);
            var ingress = Lb(cloud, "lb-00000001");
            Assert.Equal("ingress2", ingress.Name);
            Assert.Null(ingress.HealthCheck);
            Assert.Equal(["w-2=m-00000004", "w-3=m-00000003"], Targets(ingress));
            Assert.Equal("10.0.0.5", ingress.Target("w-2")!.Address);
            Assert.Equal(["w-1=m-00000001"], Targets(Lb(cloud, "lb-00000002")));
            // Tokens of old records still answer (with the node's target as it is now).
            Assert.Equal("m-00000004", (await cloud.RegisterTargetAsync("lb-00000001", "w-2", "m-00000002", "t-r3", Ct)).Value!.MachineId);
            // A deregistered node is gone for lookups too.
            Assert.Equal(SimErrorCodes.NotFound, (await cloud.DeregisterTargetAsync("lb-00000001", "w-1", "t-n1", Ct)).Error!.Code);

            // New records after old ones: both forms in one log.
            await cloud.RegisterTargetAsync("lb-00000001", "w-1", "m-00000001", "t-n2", Ct);
            Assert.Null((await cloud.DeregisterTargetAsync("lb-00000001", "w-3", "t-n3", Ct)).Error);
            Assert.Equal("lb-00000003", (await cloud.CreateLoadBalancerAsync("t-n4", Spec("third"), Ct)).Value!.Id);
        }
        using var again = Open();
        Assert.Equal(["w-1=m-00000001", "w-2=m-00000004"], Targets(Lb(again, "lb-00000001")));
        Assert.Equal(["w-1=m-00000001"], Targets(Lb(again, "lb-00000002")));
        Assert.Empty(Lb(again, "lb-00000003").Targets);
    }

    [Fact]
    public async Task RegisteringFiveThousandTargetsGrowsTheLogLinearly()
    {
        const int n = 5_000;
        using var cloud = Open();
        var lb = (await cloud.CreateLoadBalancerAsync("t-lb", Spec(), Ct)).Value!;
        var machines = new string[n];
        for (var i = 0; i < n; i++)
            machines[i] = (await cloud.CreateMachineAsync($"t-m{i}", Machine($"w-{i}"), Ct)).Value!.Id;
        var beforeRegistrations = new FileInfo(LogPath).Length;
        // Registered in an order that is not the sorted one: each lands in the middle of the tree.
        for (var i = 0; i < n; i++)
        {
            var k = (int)((i * 7919L) % n);
            Assert.Null((await cloud.RegisterTargetAsync(lb.Id, $"w-{k}", machines[k], $"t-r{k}", Ct)).Error);
        }
        var registered = new FileInfo(LogPath).Length - beforeRegistrations;
        // One register record is about 200 bytes here; the whole-LB form would write about n²/2 × 70 bytes (~875 MB).
        Assert.True(registered < 300L * n, $"{n} registrations wrote {registered} bytes: not linear");
        Assert.Equal(n, Lb(cloud, lb.Id).Targets.Count);
        Assert.Equal(machines[4321], Lb(cloud, lb.Id).Target("w-4321")!.MachineId);

        for (var i = 0; i < n; i += 2)
            Assert.Null((await cloud.DeregisterTargetAsync(lb.Id, $"w-{i}", $"t-d{i}", Ct)).Error);
        var deregistered = new FileInfo(LogPath).Length - beforeRegistrations - registered;
        Assert.True(deregistered < 200L * (n / 2), $"{n / 2} deregistrations wrote {deregistered} bytes: not linear");

        using var fresh = Open();
        var replayed = Lb(fresh, lb.Id);
        Assert.Equal(n / 2, replayed.Targets.Count);
        Assert.Equal([.. Enumerable.Range(0, n).Where(i => i % 2 == 1).Select(i => $"w-{i}").Order(StringComparer.Ordinal)],
            replayed.Targets.Select(t => t.NodeName).ToArray());
        Assert.Null(replayed.Target("w-4320"));
    }

    [Fact]
    public void TargetLookupAlsoWorksOnAPlainList()
    {
        var lb = new SimLoadBalancer("lb-1", "x", [], null, "172.16.0.1", "x-lb-1.lb.sim.internal",
            [new SimLbTarget("a", "m-1", "10.0.0.2"), new SimLbTarget("b", "m-2", "10.0.0.3")], DateTimeOffset.UnixEpoch);
        Assert.Equal("m-2", lb.Target("b")!.MachineId);
        Assert.Null(lb.Target("c"));
    }
}
