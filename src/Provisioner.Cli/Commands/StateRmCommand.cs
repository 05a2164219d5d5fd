using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state rm [-state=PATH] [-dry-run] ADDRESS...</c>: forgets resource instances (the real objects are
/// not destroyed). Each address names a module, a resource or an instance and must match something; otherwise
/// nothing is removed. A change increments the serial and keeps the previous file as the backup.
/// </summary>
internal static class StateRmCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var dryRun = new Option<bool>("-dry-run", "--dry-run") { Description = "Print what would be removed without changing the state." };
        var addresses = new Argument<string[]>("ADDRESS") { Arity = ArgumentArity.OneOrMore, Description = "Modules, resources or instances to remove." };
        var cmd = new Command("rm", "Remove instances from the state.");
        cmd.Options.Add(state);
        cmd.Options.Add(dryRun);
        cmd.Arguments.Add(addresses);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), r.GetValue(dryRun), r.GetValue(addresses) ?? [], ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, bool dryRun, IReadOnlyList<string> texts, CancellationToken ct)
    {
        var filters = new List<ParsedAddress>();
        foreach (var t in texts)
        {
            if (StateCommand.ParseAddress(ctx, t) is not { } p)
                return 1;
            filters.Add(p);
        }
        await using var held = dryRun ? null : await StateFileAccess.LockAsync(ctx, statePath, "state rm", TimeSpan.Zero, ct).ConfigureAwait(false);
        if (!dryRun && held is null)
            return 1;
        if (await StateFileAccess.RefuseIfJournalPendingAsync(ctx, statePath, ct).ConfigureAwait(false))
            return 1;
        var snapshot = await StateCommand.LoadAsync(ctx, statePath, ct).ConfigureAwait(false);
        if (snapshot is null)
            return 1;

        var objects = StateCommand.Objects(snapshot, new StateAddresses()).ToList();
        var doomed = new HashSet<InstanceState>(ReferenceEqualityComparer.Instance);
        var removed = new SortedSet<ResourceInstanceAddress>(Comparer<ResourceInstanceAddress>.Create(StateAddresses.Compare));
        var diags = new DiagnosticList();
        foreach (var filter in filters)
        {
            var any = false;
            foreach (var (_, instance, address) in objects)
            {
                if (!StateAddresses.Matches(filter, address))
                    continue;
                any = true;
                doomed.Add(instance);
                removed.Add(address);
            }
            if (!any)
            {
                diags.Error(
                    "Invalid target address",
                    $"No matching objects found for \"{filter}\". To view the available instances, use \"provisioner state list\". Please modify the address to reference a specific instance.");
            }
        }
        if (ctx.WriteDiagnostics(diags))
            return 1;

        if (!dryRun)
        {
            var emptied = new HashSet<ResourceState>(ReferenceEqualityComparer.Instance);
            foreach (var r in snapshot.Resources)
            {
                if (r.Instances.RemoveAll(doomed.Contains) > 0 && r.Instances.Count == 0)
                    emptied.Add(r);
            }
            snapshot.Resources.RemoveAll(emptied.Contains);
            if (ctx.WriteDiagnostics(await StateFileAccess.WriteAsync(ctx, snapshot, ct, statePath).ConfigureAwait(false)))
                return 1;
        }
        var view = new StateView(ctx);
        foreach (var a in removed)
            view.Removed(a.ToString(), dryRun);
        view.RemoveSummary(removed.Count, dryRun);
        return 0;
    }
}
