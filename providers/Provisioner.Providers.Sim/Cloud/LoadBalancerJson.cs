using System.Globalization;
using System.Text.Json;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The <c>load_balancers</c> array of <c>provisioner sim inventory -json</c>: each with its listeners and targets.</summary>
public static class LoadBalancerJson
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<SimLoadBalancer> loadBalancers)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(loadBalancers);
        w.WriteStartArray("load_balancers");
        foreach (var lb in loadBalancers)
        {
            w.WriteStartObject();
            w.WriteString("id", lb.Id);
            w.WriteString("name", lb.Name);
            w.WriteString("address", lb.Address);
            w.WriteString("dns_name", lb.DnsName);
            w.WriteStartArray("listeners");
            foreach (var l in lb.Listeners)
            {
                w.WriteStartObject();
                w.WriteNumber("port", l.Port);
                w.WriteNumber("target_port", l.TargetPort);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (lb.HealthCheck is { } h)
            {
                w.WriteStartObject("health_check");
                w.WriteNumber("port", h.Port);
                w.WriteNumber("interval", h.IntervalSeconds);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("health_check");
            }
            w.WriteStartArray("targets");
            foreach (var t in lb.Targets)
            {
                w.WriteStartObject();
                w.WriteString("node", t.NodeName);
                w.WriteString("machine_id", t.MachineId);
                w.WriteString("address", t.Address);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("created_at", lb.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
