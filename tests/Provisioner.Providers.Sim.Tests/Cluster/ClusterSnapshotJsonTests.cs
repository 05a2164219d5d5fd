using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cluster;

public sealed class ClusterSnapshotJsonTests
{
    [Fact]
    public void Write_GivesTheArraysWithTheirFields()
    {
        var at = new DateTimeOffset(2026, 11, 22, 4, 0, 1, 123, TimeSpan.Zero);
        var snapshot = new ClusterSnapshot(
            [new ClusterEtcdMember("c-1", "cp-1", "m-00000001", at, Healthy: true)],
            [new ClusterJoinedNode("c-1", "cp-1", "m-00000001", ["etcd", "controlplane"], "v1.30.4", true, false, false, true, at)],
            [new ClusterIncident(ClusterIncidentKinds.QuorumLost, "c-1", "", null, at, "lost")])
        {
            DeadMachines = ["m-00000002"],
            Knobs = [new ClusterNodeKnobs("w-1", 2, 1500)],
        };

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            ClusterSnapshotJson.Write(w, snapshot);
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;

        var member = root.GetProperty("etcd_members")[0];
        Assert.Equal("cp-1", member.GetProperty("node").GetString());
        Assert.Equal("m-00000001", member.GetProperty("machine_id").GetString());
        Assert.True(member.GetProperty("healthy").GetBoolean());
        Assert.Equal("2026-11-22T04:00:01.123Z", member.GetProperty("added_at").GetString());
        var node = root.GetProperty("joined_nodes")[0];
        Assert.Equal(["etcd", "controlplane"], node.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("v1.30.4", node.GetProperty("version").GetString());
        Assert.False(node.GetProperty("drained").GetBoolean());
        var incident = root.GetProperty("incidents")[0];
        Assert.Equal("quorum_lost", incident.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("machine_id").ValueKind);
        Assert.Equal(["m-00000002"], root.GetProperty("dead_machines").EnumerateArray().Select(m => m.GetString()));
        var knob = root.GetProperty("knobs")[0];
        Assert.Equal("w-1", knob.GetProperty("node").GetString());
        Assert.Equal(2, knob.GetProperty("fail_joins_left").GetInt32());
        Assert.Equal(1500, knob.GetProperty("slow_drain_ms").GetInt64());
    }

    [Fact]
    public void Read_DirectoryWithoutClusters_IsEmpty()
    {
        using var dir = new TempDir();
        Assert.Same(ClusterSnapshot.Empty, ClusterSnapshot.Read(dir.Path));
    }
}
