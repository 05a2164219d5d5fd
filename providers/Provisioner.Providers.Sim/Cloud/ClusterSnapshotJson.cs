using System.Globalization;
using System.Text.Json;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Writes a <see cref="ClusterSnapshot"/> as the <c>etcd_members</c>, <c>joined_nodes</c>, <c>incidents</c>,
/// <c>dead_machines</c> and <c>knobs</c> properties of <c>provisioner sim inventory -json</c>.</summary>
public static class ClusterSnapshotJson
{
    public static void Write(Utf8JsonWriter w, ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(snapshot);
        w.WriteStartArray("etcd_members");
        foreach (var m in snapshot.EtcdMembers)
        {
            w.WriteStartObject();
            w.WriteString("cluster", m.Cluster);
            w.WriteString("node", m.Node);
            w.WriteString("machine_id", m.Machine);
            w.WriteBoolean("healthy", m.Healthy);
            w.WriteString("added_at", Rfc3339(m.AddedAt));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("joined_nodes");
        foreach (var n in snapshot.JoinedNodes)
        {
            w.WriteStartObject();
            w.WriteString("cluster", n.Cluster);
            w.WriteString("node", n.Node);
            w.WriteString("machine_id", n.Machine);
            w.WriteStartArray("roles");
            foreach (var r in n.Roles)
                w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteString("version", n.Version);
            w.WriteBoolean("control_plane", n.ControlPlane);
            w.WriteBoolean("ready", n.Ready);
            w.WriteBoolean("cordoned", n.Cordoned);
            w.WriteBoolean("drained", n.Drained);
            w.WriteString("joined_at", Rfc3339(n.JoinedAt));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("incidents");
        foreach (var i in snapshot.Incidents)
        {
            w.WriteStartObject();
            w.WriteString("kind", i.Kind);
            w.WriteString("cluster", i.Cluster);
            w.WriteString("node", i.Node);
            if (i.Machine is null)
                w.WriteNull("machine_id");
            else
                w.WriteString("machine_id", i.Machine);
            w.WriteString("at", Rfc3339(i.At));
            w.WriteString("detail", i.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("dead_machines");
        foreach (var m in snapshot.DeadMachines)
            w.WriteStringValue(m);
        w.WriteEndArray();
        w.WriteStartArray("knobs");
        foreach (var k in snapshot.Knobs)
        {
            w.WriteStartObject();
            w.WriteString("node", k.Node);
            w.WriteNumber("fail_joins_left", k.FailJoinsLeft);
            w.WriteNumber("slow_drain_ms", k.SlowDrainMs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
