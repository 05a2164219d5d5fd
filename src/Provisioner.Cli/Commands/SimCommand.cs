using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner sim inventory [-dir DIR] [-json]</c>: what exists in a simulated cloud (the sim provider's
/// inventory directory), read from the cloud side, independently of any state file.
/// <c>provisioner sim kill [-dir DIR] MACHINE</c>: a machine dies outside Provisioner (by id or by name).
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

        var killDir = new Option<string>("-dir", "--dir")
        {
            Description = dir.Description,
            HelpName = "DIR",
        };
        var machine = new Argument<string>("MACHINE") { Description = "The machine's id (m-...) or name (a node's name, e.g. workers-3)." };
        var kill = new Command("kill", "Kill a machine outside Provisioner: the cloud still lists it, its node is NotReady and unreachable.");
        kill.Options.Add(killDir);
        kill.Arguments.Add(machine);
        kill.SetAction((r, ct) => Task.FromResult(Kill(context(r), r.GetValue(killDir) ?? DefaultDir, r.GetValue(machine)!, ct)));

        var sim = new Command("sim", "Tools for the simulated cloud of the sim provider.");
        sim.Subcommands.Add(inventory);
        sim.Subcommands.Add(kill);
        return sim;
    }

    /// <summary>Kills the machine whose id, or else whose name, is <paramref name="machine"/>.</summary>
    public static int Kill(CliContext ctx, string dir, string machine, CancellationToken ct)
    {
        var full = ctx.ResolvePath(dir);
        try
        {
            if (!SimCloud.TryOpenExisting(full, out var cloud))
            {
                ctx.Error.WriteLine($"error: No simulated cloud inventory in {dir}");
                return 1;
            }
            InventorySnapshot snapshot;
            using (cloud)
                snapshot = cloud!.Snapshot(ct);
            var byId = snapshot.Machines.Where(m => m.Id == machine).ToList();
            var matches = byId.Count > 0 ? byId : [.. snapshot.Machines.Where(m => m.Name == machine)];
            if (matches.Count != 1)
            {
                ctx.Error.WriteLine(matches.Count == 0
                    ? $"error: No machine with id or name \"{machine}\" in {dir}"
                    : $"error: {matches.Count} machines are called \"{machine}\" ({string.Join(", ", matches.Select(m => m.Id))}); name one by its id");
                return 1;
            }
            var victim = matches[0];
            if (NodeSoftwareKnobs.IsDead(full, victim.Id, ct))
            {
                ctx.Out.WriteLine($"Machine {victim.Id} ({victim.Name}) is already dead.");
                return 0;
            }
            NodeSoftwareKnobs.Kill(full, victim.Id, TimeProvider.System, ct);
            ctx.Out.WriteLine($"Machine {victim.Id} ({victim.Name}) killed: the cloud still lists it; its node is NotReady and unreachable.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Error.WriteLine($"error: Cannot change the inventory in {dir}: {e.Message}");
            return 1;
        }
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
