using System.Text;
using System.Text.Json;
using Provisioner.Engine.Addresses;
using Provisioner.State;

namespace Provisioner.Cli.Views;

/// <summary>Output of the <c>state</c> commands.</summary>
internal sealed class StateView(CliContext ctx)
{
    public void List(IEnumerable<ResourceInstanceAddress> addresses)
    {
        foreach (var a in addresses)
            ctx.Out.WriteLine(a.ToString());
    }

    /// <summary>
    /// One block per recorded object of an instance (the current one, then deposed ones):
    /// <c># ADDRESS:</c> (with <c>(tainted)</c> or <c>(deposed object ID)</c>), then <c>resource "type" "name" { ... }</c>.
    /// </summary>
    public void Show(string address, IReadOnlyList<(ResourceState Resource, InstanceState Instance)> objects)
    {
        var sb = new StringBuilder();
        foreach (var (resource, instance) in objects)
        {
            if (sb.Length > 0)
                sb.Append('\n');
            sb.Append("# ").Append(address).Append(':');
            if (instance.Deposed is not null)
                sb.Append(" (deposed object ").Append(instance.Deposed).Append(')');
            else if (instance.Status == InstanceStatus.Tainted)
                sb.Append(" (tainted)");
            sb.Append('\n');
            sb.Append(resource.Mode == "data" ? "data " : "resource ")
                .Append(StateValueFormatter.Quote(resource.Type)).Append(' ')
                .Append(StateValueFormatter.Quote(resource.Name)).Append(" {\n");
            using (var doc = JsonDocument.Parse(instance.AttributesJson))
                StateValueFormatter.ForStateShow.WriteAttributes(sb, doc.RootElement, new StateSensitivePaths(instance.SensitivePaths));
            sb.Append("}\n");
        }
        ctx.Out.Write(sb.ToString());
    }

    public void Moved(string source, string destination, bool dryRun) =>
        ctx.Out.WriteLine(dryRun ? $"Would move \"{source}\" to \"{destination}\"" : $"Move \"{source}\" to \"{destination}\"");

    public void MoveSummary(int count, bool dryRun)
    {
        if (!dryRun)
            ctx.Out.WriteLine($"Successfully moved {count} object(s).");
    }

    public void Removed(string address, bool dryRun) =>
        ctx.Out.WriteLine(dryRun ? $"Would remove {address}" : $"Removed {address}");

    public void RemoveSummary(int count, bool dryRun) =>
        ctx.Out.WriteLine(dryRun ? $"Would have removed {count} resource instance(s)." : $"Successfully removed {count} resource instance(s).");

    public void Pulled(byte[] json) => ctx.Out.Write(Encoding.UTF8.GetString(json));
}
