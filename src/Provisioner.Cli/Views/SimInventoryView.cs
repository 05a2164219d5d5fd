using System.Globalization;
using System.Text;
using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Cli.Views;

/// <summary>Output of <c>provisioner sim inventory</c>: short tables, or one JSON document.</summary>
/// <remarks>JSON shape: <c>{"machines":[…],"networks":[…],"load_balancers":[…],"etcd_members":[…],"joined_nodes":[…],
/// "incidents":[…],"dead_machines":[…],"knobs":[…]}</c> (documented in docs/providers/sim.md).</remarks>
internal sealed class SimInventoryView(CliContext ctx)
{
    public void Human(InventorySnapshot snapshot)
    {
        if (snapshot.Machines.Count > 0)
        {
            Table(
                ["MACHINE", "NAME", "SIZE", "ZONE", "ADDRESS", "NETWORK", "LABELS"],
                snapshot.Machines.Select(m => new[]
                {
                    m.Id, m.Name, m.Size, m.Zone, m.Address, m.NetworkId ?? "-",
                    m.Labels.Count == 0 ? "-" : string.Join(",", m.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
                }));
            ctx.Out.WriteLine();
        }
        if (snapshot.Networks.Count > 0)
        {
            Table(["NETWORK", "NAME", "CIDR"], snapshot.Networks.Select(n => new[] { n.Id, n.Name, n.Cidr }));
            ctx.Out.WriteLine();
        }
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Machines.Count} {Plural(snapshot.Machines.Count, "machine")}, {snapshot.Networks.Count} {Plural(snapshot.Networks.Count, "network")}."));
        if (snapshot.SkippedLines > 0)
            ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {snapshot.SkippedLines} unreadable inventory {Plural(snapshot.SkippedLines, "line")} skipped (a write torn by a killed process)."));
    }

    public void Json(InventorySnapshot snapshot, ClusterSnapshot? clusters = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("machines");
            foreach (var m in snapshot.Machines)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("name", m.Name);
                w.WriteString("size", m.Size);
                w.WriteString("zone", m.Zone);
                w.WriteStartObject("labels");
                foreach (var (k, v) in m.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                    w.WriteString(k, v);
                w.WriteEndObject();
                StringOrNull(w, "image", m.Image);
                StringOrNull(w, "network_id", m.NetworkId);
                w.WriteString("address", m.Address);
                w.WriteString("created_at", Rfc3339(m.CreatedAt));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("networks");
            foreach (var n in snapshot.Networks)
            {
                w.WriteStartObject();
                w.WriteString("id", n.Id);
                w.WriteString("name", n.Name);
                w.WriteString("cidr", n.Cidr);
                w.WriteString("created_at", Rfc3339(n.CreatedAt));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            LoadBalancerJson.Write(w, snapshot.LoadBalancers);
            ClusterSnapshotJson.Write(w, clusters ?? ClusterSnapshot.Empty);
            w.WriteEndObject();
        }
        ctx.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                    sb.Append("  ");
                sb.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i]));
            }
            ctx.Out.WriteLine(sb.ToString());
        }
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
