using System.Diagnostics;
using System.Text;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cloud;

public sealed class SimCloudTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SkippingTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private SimCloud Open(SimCloudOptions? options = null) => new(_dir.Path, options ?? SimCloudOptions.Default, _time);

    private static MachineSpec Spec(string name, string? network = null, string size = "small", string zone = "zone-a") =>
        new(name, null, size, zone, network, new Dictionary<string, string> { ["role"] = "web" });

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task CreateMachine_SameTokenTwice_ReturnsSameMachineAndCreatesOne()
    {
        using var cloud = Open();

        var first = await cloud.CreateMachineAsync("tok-1", Spec("web-1"), Ct);
        var second = await cloud.CreateMachineAsync("tok-1", Spec("web-1-renamed"), Ct);

        Assert.False(first.IsError);
        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.Equal("web-1", second.Value.Name);
        Assert.Single(cloud.Snapshot().Machines);
    }

    [Fact]
    public async Task CreateMachine_TokenOfAnotherKind_IsMismatch()
    {
        using var cloud = Open();
        var net = await cloud.CreateNetworkAsync("tok-1", new NetworkSpec("n", "10.1.0.0/24"), Ct);
        Assert.False(net.IsError);

        var m = await cloud.CreateMachineAsync("tok-1", Spec("web-1"), Ct);

        Assert.Equal(SimErrorCodes.IdempotencyMismatch, m.Error?.Code);
    }

    [Fact]
    public async Task CreateMachine_BeyondCapacity_FailsWithoutRetry()
    {
        using var cloud = Open(new SimCloudOptions(Capacity: 2));
        await cloud.CreateMachineAsync("a", Spec("a"), Ct);
        await cloud.CreateMachineAsync("b", Spec("b"), Ct);

        var third = await cloud.CreateMachineAsync("c", Spec("c"), Ct);

        Assert.Equal(SimErrorCodes.InsufficientCapacity, third.Error?.Code);
        Assert.False(third.Error!.Retriable);
        Assert.Equal(2, cloud.Snapshot().Machines.Count);

        // Deleting one frees capacity.
        var first = cloud.Snapshot().Machines[0];
        Assert.False((await cloud.DeleteMachineAsync(first.Id, "del-a", Ct)).IsError);
        Assert.False((await cloud.CreateMachineAsync("c", Spec("c"), Ct)).IsError);
    }

    [Fact]
    public async Task Calls_AtErrorRateOne_AlwaysFailRetriably()
    {
        using var cloud = Open(new SimCloudOptions(TransientErrorRate: 1, Seed: 7));
        for (var i = 0; i < 20; i++)
        {
            var r = await cloud.CreateMachineAsync($"t{i}", Spec("x"), Ct);
            Assert.True(r.Error?.Retriable, r.Error?.ToString());
            var d = await cloud.DescribeAsync(["m-00000001"], Ct);
            Assert.True(d.Error?.Retriable);
        }
    }

    [Fact]
    public async Task TransientFailureAfterCommit_RetryWithSameToken_ReturnsTheCreatedMachine()
    {
        using var cloud = Open(new SimCloudOptions(TransientErrorRate: 0.5, Seed: 3));
        var failedAfterCommit = 0;
        for (var i = 0; i < 40; i++)
        {
            var before = cloud.Snapshot().Machines.Count;
            var r = await cloud.CreateMachineAsync($"t{i}", Spec($"m{i}"), Ct);
            if (r.IsError && cloud.Snapshot().Machines.Count > before)
                failedAfterCommit++;
            while (r.IsError)
                r = await cloud.CreateMachineAsync($"t{i}", Spec($"m{i}"), Ct);
        }

        Assert.True(failedAfterCommit > 0, "some failures must strike after the machine was created");
        Assert.Equal(40, cloud.Snapshot().Machines.Count);
    }

    [Fact]
    public async Task Latency_EveryCallWaitsOnTheInjectedClock()
    {
        using var cloud = Open(new SimCloudOptions(Latency: TimeSpan.FromMilliseconds(100), Jitter: TimeSpan.FromMilliseconds(20), Seed: 1));
        var start = _time.GetUtcNow();

        await cloud.CreateMachineAsync("a", Spec("a"), Ct);
        var afterOne = _time.GetUtcNow() - start;
        await cloud.DescribeAsync(["m-00000001", "m-00000002", "m-00000003"], Ct);
        var afterTwo = _time.GetUtcNow() - start;

        Assert.InRange(afterOne.TotalMilliseconds, 80, 120);
        Assert.InRange(afterTwo.TotalMilliseconds, 160, 240);
    }

    [Fact]
    public async Task Describe_HidesMachinesYoungerThanConsistencyDelay()
    {
        using var cloud = Open(new SimCloudOptions(ConsistencyDelay: TimeSpan.FromSeconds(2)));
        var m = (await cloud.CreateMachineAsync("a", Spec("a"), Ct)).Value!;

        var early = await cloud.DescribeAsync([m.Id], Ct);
        _time.Advance(TimeSpan.FromSeconds(2));
        var later = await cloud.DescribeAsync([m.Id], Ct);

        Assert.Empty(early.Value!.Machines);
        Assert.Equal(m.Address, later.Value!.Machines[m.Id].Address);
        // The inventory (the truth) has it all along.
        Assert.Single(cloud.Snapshot().Machines);
    }

    [Fact]
    public async Task TwoInstancesOnOneDirectory_SeeEachOthersWrites()
    {
        using var a = Open();
        using var b = Open();

        var fromA = (await a.CreateMachineAsync("ta", Spec("from-a"), Ct)).Value!;
        var fromB = (await b.CreateMachineAsync("tb", Spec("from-b"), Ct)).Value!;
        var replayed = await b.CreateMachineAsync("ta", Spec("from-a"), Ct);

        Assert.NotEqual(fromA.Id, fromB.Id);
        Assert.NotEqual(fromA.Address, fromB.Address);
        Assert.Equal(fromA.Id, replayed.Value!.Id);
        Assert.Equal(2, a.Snapshot().Machines.Count);
        Assert.Equal(2, b.Snapshot().Machines.Count);
    }

    [Fact]
    public async Task ConcurrentWriters_OnOneDirectory_LoseNothing()
    {
        using var a = Open();
        using var b = Open();

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 200; i++) await a.CreateMachineAsync($"a{i}", Spec($"a{i}"), Ct); }),
            Task.Run(async () => { for (var i = 0; i < 200; i++) await b.CreateMachineAsync($"b{i}", Spec($"b{i}"), Ct); }));

        using var reader = Open();
        var machines = reader.Snapshot().Machines;
        Assert.Equal(400, machines.Count);
        Assert.Equal(400, machines.Select(m => m.Id).Distinct().Count());
        Assert.Equal(400, machines.Select(m => m.Address).Distinct().Count());
    }

    [Fact]
    public async Task Replay_TornLastLine_IsIgnoredAndLaterWritesSurvive()
    {
        using (var cloud = Open())
        {
            await cloud.CreateMachineAsync("t1", Spec("one"), Ct);
            await cloud.CreateMachineAsync("t2", Spec("two"), Ct);
        }
        // A process killed in the middle of an append leaves half a line.
        var log = Path.Combine(_dir.Path, "inventory.jsonl");
        await File.AppendAllTextAsync(log, "{\"op\":\"create\",\"kind\":\"machine\",\"id\":\"m-000000", Encoding.UTF8);

        using var restarted = Open();
        Assert.Equal(["one", "two"], restarted.Snapshot().Machines.Select(m => m.Name));
        var three = await restarted.CreateMachineAsync("t3", Spec("three"), Ct);
        Assert.False(three.IsError);

        using var reader = Open();
        var snapshot = reader.Snapshot();
        Assert.Equal(["one", "two", "three"], snapshot.Machines.Select(m => m.Name));
        Assert.Equal(1, snapshot.SkippedLines);
        Assert.EndsWith("\n", await File.ReadAllTextAsync(log));
    }

    [Fact]
    public async Task Addresses_ComeFromTheNetworkCidr_AndAreUniquePerNetwork()
    {
        using var cloud = Open();
        var net = (await cloud.CreateNetworkAsync("n", new NetworkSpec("lab", "192.168.4.0/29"), Ct)).Value!;

        var addresses = new List<string>();
        for (var i = 0; i < 5; i++)
            addresses.Add((await cloud.CreateMachineAsync($"m{i}", Spec($"m{i}", net.Id), Ct)).Value!.Address);
        var full = await cloud.CreateMachineAsync("m5", Spec("m5", net.Id), Ct);
        var outside = (await cloud.CreateMachineAsync("d", Spec("d"), Ct)).Value!;

        // .0 network, .1 gateway and .7 broadcast are reserved: .2 to .6.
        Assert.Equal(["192.168.4.2", "192.168.4.3", "192.168.4.4", "192.168.4.5", "192.168.4.6"], addresses);
        Assert.Equal(SimErrorCodes.AddressSpaceExhausted, full.Error?.Code);
        Assert.Equal("10.0.0.2", outside.Address);

        // A freed address is reused once the block is full.
        var m2 = cloud.Snapshot().Machines.Single(m => m.Address == "192.168.4.4");
        await cloud.DeleteMachineAsync(m2.Id, "del", Ct);
        Assert.Equal("192.168.4.4", (await cloud.CreateMachineAsync("m6", Spec("m6", net.Id), Ct)).Value!.Address);
    }

    [Fact]
    public async Task DeleteNetwork_WithMachines_IsDependencyViolation()
    {
        using var cloud = Open();
        var net = (await cloud.CreateNetworkAsync("n", new NetworkSpec("lab", "10.9.0.0/16"), Ct)).Value!;
        var m = (await cloud.CreateMachineAsync("m", Spec("m", net.Id), Ct)).Value!;

        var refused = await cloud.DeleteNetworkAsync(net.Id, "d1", Ct);
        await cloud.DeleteMachineAsync(m.Id, "d2", Ct);
        var deleted = await cloud.DeleteNetworkAsync(net.Id, "d3", Ct);

        Assert.Equal(SimErrorCodes.DependencyViolation, refused.Error?.Code);
        Assert.False(deleted.IsError);
        Assert.Empty(cloud.Snapshot().Networks);
    }

    [Fact]
    public async Task CreateMachine_OnMissingNetwork_NamesTheField()
    {
        using var cloud = Open();
        var r = await cloud.CreateMachineAsync("t", Spec("m", "net-000000ff"), Ct);
        Assert.Equal(SimErrorCodes.NotFound, r.Error?.Code);
        Assert.Equal("network_id", r.Error!.Field);
    }

    [Fact]
    public async Task UpdateMachine_ChangesSizeAndLabels_ButNotZone()
    {
        using var cloud = Open();
        var m = (await cloud.CreateMachineAsync("t", Spec("m"), Ct)).Value!;

        var resized = await cloud.UpdateMachineAsync(m.Id, "u1", Spec("m", size: "large") with { Labels = new Dictionary<string, string> { ["a"] = "b" } }, Ct);
        var moved = await cloud.UpdateMachineAsync(m.Id, "u2", Spec("m", zone: "zone-b"), Ct);

        Assert.Equal("large", resized.Value!.Size);
        Assert.Equal(m.Address, resized.Value.Address);
        Assert.Equal("b", resized.Value.Labels["a"]);
        Assert.Equal("zone", moved.Error?.Field);
    }

    [Fact]
    public async Task GetOperation_AnswersByToken()
    {
        using var cloud = Open();
        var m = (await cloud.CreateMachineAsync("create-1", Spec("m"), Ct)).Value!;
        await cloud.DeleteMachineAsync(m.Id, "delete-1", Ct);

        var created = (await cloud.GetOperationAsync("create-1", Ct)).Value;
        var deleted = (await cloud.GetOperationAsync("delete-1", Ct)).Value;
        var never = (await cloud.GetOperationAsync("never", Ct)).Value;

        Assert.Equal(("create", "machine", m.Id), (created!.Op, created.Kind, created.Id));
        Assert.Null(created.Machine);
        Assert.Equal("delete", deleted!.Op);
        Assert.Null(never);
    }

    [Fact]
    public async Task TenThousandCreates_TakeWellUnderTheSecondsOfAnyLatency()
    {
        using var cloud = new SimCloud(_dir.Path, SimCloudOptions.Default, TimeProvider.System);
        var spec = Spec("m");
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            var r = await cloud.CreateMachineAsync("t" + i, spec, Ct);
            Assert.False(r.IsError);
        }
        sw.Stop();

        using var reader = Open();
        Assert.Equal(10_000, reader.Snapshot().Machines.Count);
        // Generous bound (shared CI machines); the figure is ~0.1 s on a developer machine.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"10,000 creates took {sw.Elapsed}");
    }
}
