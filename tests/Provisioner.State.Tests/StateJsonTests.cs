using System.Text;

namespace Provisioner.State.Tests;

public sealed class StateJsonTests
{
    private static StateSnapshot Sample()
    {
        var s = new StateSnapshot("6f1c2a54-0000-4000-8000-000000000001", 7) { ProvisionerVersion = "0.1.0-dev" };
        var r = new ResourceState("", "managed", "sim_machine", "web", "sim") { Each = "list" };
        var i0 = new InstanceState { Key = 0L, AttributesJson = """{"id":"m-1","name":"web-0","size":"small"}""", Generation = 1 };
        i0.Dependencies.Add("sim_network.main");
        var i1 = new InstanceState { Key = 1L, Status = InstanceStatus.Tainted, AttributesJson = """{"id":"m-2"}""", Private = [1, 2, 3] };
        i1.SensitivePaths.Add("labels[\"token\"]");
        r.Instances.Add(i0);
        r.Instances.Add(i1);
        s.Resources.Add(r);
        var m = new ResourceState("module.net", "data", "sim_image", "base", "sim");
        m.Instances.Add(new InstanceState { AttributesJson = """{"id":"img-1"}""" });
        s.Resources.Add(m);
        s.Outputs["ips"] = new OutputState("""["10.0.0.1"]""", """["list","string"]""", false);
        return s;
    }

    [Fact]
    public void Serialize_ThenRead_RoundTripsEveryField()
    {
        // Given
        var bytes = StateJson.Serialize(Sample());

        // When
        var result = StateJson.Read(bytes);

        // Then
        Assert.True(result.IsSuccess, result.Error);
        var s = result.Snapshot;
        Assert.Equal("6f1c2a54-0000-4000-8000-000000000001", s.Lineage);
        Assert.Equal(7, s.Serial);
        Assert.Equal(2, s.Resources.Count);
        var web = s.FindResource("sim_machine.web")!;
        Assert.Equal("list", web.Each);
        Assert.Equal(0L, web.Instances[0].Key);
        Assert.Equal(1, web.Instances[0].Generation);
        Assert.Equal(["sim_network.main"], web.Instances[0].Dependencies);
        Assert.Equal(InstanceStatus.Tainted, web.Instances[1].Status);
        Assert.Equal([1, 2, 3], web.Instances[1].Private);
        Assert.Equal(["labels[\"token\"]"], web.Instances[1].SensitivePaths);
        Assert.NotNull(s.FindResource("module.net.data.sim_image.base"));
        Assert.Equal("""["list","string"]""", s.Outputs["ips"].TypeJson);
        Assert.Equal(bytes, StateJson.Serialize(s));
    }

    [Fact]
    public void Read_NewerFormatVersion_RefusesWithClearMessage()
    {
        var r = StateJson.Read(Encoding.UTF8.GetBytes("""{"format_version": 99, "lineage": "x", "serial": 1}"""));
        Assert.False(r.IsSuccess);
        Assert.Contains("format version 99", r.Error);
        Assert.Contains("newer", r.Error);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "must contain a JSON object")]
    [InlineData("""{"format_version": 1, "serial": 1}""", "\"lineage\"")]
    [InlineData("""{"format_version": 1, "lineage": "x", "serial": 1, "resources": [{"mode": "managed", "type": "t", "name": "n", "provider": "p", "instances": [{"attributes": 3}]}]}""", "t.n: \"attributes\" must be an object")]
    [InlineData("""{"format_version": 1, "lineage": "x", "serial": 1, "resources": [{"mode": "odd", "type": "t", "name": "n", "provider": "p"}]}""", "mode must be")]
    public void Read_Malformed_ReturnsErrorNotException(string json, string expected)
    {
        var r = StateJson.Read(Encoding.UTF8.GetBytes(json));
        Assert.False(r.IsSuccess);
        Assert.Contains(expected, r.Error);
    }

    [Fact]
    public void Serialize_LargeState_IsLinear()
    {
        var s = StateSnapshot.New();
        var r = new ResourceState("", "managed", "sim_machine", "m", "sim") { Each = "list" };
        for (var i = 0; i < 100_000; i++)
            r.Instances.Add(new InstanceState { Key = (long)i, AttributesJson = $$"""{"id":"m-{{i}}","name":"n{{i}}"}""" });
        s.Resources.Add(r);
        var bytes = StateJson.Serialize(s);
        var back = StateJson.Read(bytes);
        Assert.Equal(100_000, back.Snapshot!.InstanceCount);
    }
}
