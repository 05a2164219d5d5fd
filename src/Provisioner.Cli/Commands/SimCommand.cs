using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner sim inventory [-dir DIR] [-json]</c>: what exists in a simulated cloud (the sim provider's
/// inventory directory), read from the cloud side, independently of any state file.
/// </summary>
internal static class SimCommand
{
    public const string DefaultDir = ".sim";

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dir = new Option<string>("-dir", "--dir")
        {
            Description = $"The inventory directory (the sim provider's inventory_dir). Default \"{DefaultDir}\".",
            HelpName = "DIR",
        };
        var json = new Option<bool>("-json", "--json") { Description = "Print the inventory as JSON." };
        var inventory = new Command("inventory", "Print what exists in a simulated cloud.");
        inventory.Options.Add(dir);
        inventory.Options.Add(json);
        inventory.SetAction((r, ct) => Task.FromResult(Inventory(context(r), r.GetValue(dir) ?? DefaultDir, r.GetValue(json), ct)));

        var sim = new Command("sim", "Tools for the simulated cloud of the sim provider.");
        sim.Subcommands.Add(inventory);
        return sim;
    }

    public static int Inventory(CliContext ctx, string dir, bool json, CancellationToken ct)
    {
        var full = ctx.ResolvePath(dir);
        InventorySnapshot snapshot;
        try
        {
            if (!SimCloud.TryOpenExisting(full, out var cloud))
            {
                ctx.Error.WriteLine($"error: No simulated cloud inventory in {dir}");
                return 1;
            }
            using (cloud)
                snapshot = cloud!.Snapshot(ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Error.WriteLine($"error: Cannot read the inventory in {dir}: {e.Message}");
            return 1;
        }
        var view = new SimInventoryView(ctx);
        if (json)
            view.Json(snapshot, ClusterSnapshot.Read(full, ct));
        else
            view.Human(snapshot);
        return 0;
    }
}
