using System.Text;
using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cloud;

public sealed class SimLoadBalancerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SkippingTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => CancellationToken.None;

    private SimCloud Open() => new(_dir.Path, SimCloudOptions.Default, _time);

    private static LoadBalancerSpec Spec(string name = "api") => new(name, [new SimListener(6443, 6443)], new SimHealthCheck(6443, 10));

    private static MachineSpec Machine(string name) => new(name, null, "small", "zone-a", null, new Dictionary<string, string>());

    [Fact]
    public async Task RegistersExistingMachinesOnlyAndDeregisters()
    {
        using var cloud = Open();
        var lb = (await cloud.CreateLoadBalancerAsync("t-lb", Spec(), Ct)).Value!;
        Assert.StartsWith("api-lb-", lb.DnsName, StringComparison.Ordinal);
        var missing = await cloud.RegisterTargetAsync(lb.Id, "cp-1", "m-00000099", "t-r0", Ct);
        Assert.Equal(SimErrorCodes.NotFound, missing.Error!.Code);
        var m = (await cloud.CreateMachineAsync("t-m1", Machine("cp-1"), Ct)).Value!;
        var target = (await cloud.RegisterTargetAsync(lb.Id, "cp-1", m.Id, "t-r1", Ct)).Value!;
        Assert.Equal(m.Address, target.Address);
        // The same token answers the same target and registers nothing twice.
        Assert.Equal(target, (await cloud.RegisterTargetAsync(lb.Id, "cp-1", m.Id, "t-r1", Ct)).Value);
        Assert.Single(cloud.Snapshot().LoadBalancers.Single().Targets);
        // A load balancer with targets cannot go; once deregistered it can.
        Assert.Equal(SimErrorCodes.DependencyViolation, (await cloud.DeleteLoadBalancerAsync(lb.Id, "t-d0", Ct)).Error!.Code);
        Assert.Null((await cloud.DeregisterTargetAsync(lb.Id, "cp-1", "t-u1", Ct)).Error);
        Assert.Equal(SimErrorCodes.NotFound, (await cloud.DeregisterTargetAsync(lb.Id, "cp-1", "t-u2", Ct)).Error!.Code);
        Assert.Null((await cloud.DeleteLoadBalancerAsync(lb.Id, "t-d1", Ct)).Error);
        Assert.Empty(cloud.Snapshot().LoadBalancers);
    }

    [Fact]
    public async Task LoadBalancersSurviveReopenAndPrintAsJson()
    {
        string id;
        using (var cloud = Open())
        {
            id = (await cloud.CreateLoadBalancerAsync("t-lb", Spec("ingress"), Ct)).Value!.Id;
            var m = (await cloud.CreateMachineAsync("t-m1", Machine("w-1"), Ct)).Value!;
            await cloud.RegisterTargetAsync(id, "w-1", m.Id, "t-r1", Ct);
        }
        using var again = Open();
        var lb = Assert.Single(again.Snapshot().LoadBalancers);
        Assert.Equal(id, lb.Id);
        Assert.Equal("w-1", Assert.Single(lb.Targets).NodeName);
        // Ids keep counting after a reopen.
        Assert.NotEqual(id, (await again.CreateLoadBalancerAsync("t-lb2", Spec("other"), Ct)).Value!.Id);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            LoadBalancerJson.Write(w, again.Snapshot().LoadBalancers);
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var first = doc.RootElement.GetProperty("load_balancers")[0];
        Assert.Equal("ingress", first.GetProperty("name").GetString());
        Assert.Equal(6443, first.GetProperty("listeners")[0].GetProperty("port").GetInt32());
        Assert.Equal("w-1", first.GetProperty("targets")[0].GetProperty("node").GetString());
    }
}
