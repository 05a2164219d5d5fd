using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state mv [-state=PATH] [-dry-run] SOURCE DESTINATION</c>: gives recorded objects a new address
/// without touching the real objects: a module to another module address, a resource to another resource (or into a
/// module address), an instance to another instance. Refused when the destination exists or the resource types (or
/// modes) differ. The moved objects' data stays byte-identical; only their address (and instance key) changes.
/// A change increments the serial and keeps the previous file as the backup.
/// </summary>
internal static class StateMvCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var dryRun = new Option<bool>("-dry-run", "--dry-run") { Description = "Print what would be moved without changing the state." };
        var source = new Argument<string>("SOURCE") { Description = "The module, resource or instance to move." };
        var destination = new Argument<string>("DESTINATION") { Description = "Its new address." };
        var cmd = new Command("mv", "Move an item in the state to a new address.");
        cmd.Options.Add(state);
        cmd.Options.Add(dryRun);
        cmd.Arguments.Add(source);
        cmd.Arguments.Add(destination);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), r.GetValue(dryRun), r.GetValue(source)!, r.GetValue(destination)!, ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, bool dryRun, string sourceText, string destText, CancellationToken ct)
    {
        if (StateCommand.ParseAddress(ctx, sourceText) is not { } source || StateCommand.ParseAddress(ctx, destText) is not { } dest)
            return 1;
        await using var held = dryRun ? null : await StateFileAccess.LockAsync(ctx, statePath, "state mv", TimeSpan.Zero, ct).ConfigureAwait(false);
        if (!dryRun && held is null)
            return 1;
        if (await StateFileAccess.RefuseIfJournalPendingAsync(ctx, statePath, ct).ConfigureAwait(false))
            return 1;
        var snapshot = await StateCommand.LoadAsync(ctx, statePath, ct).ConfigureAwait(false);
        if (snapshot is null)
            return 1;

        var move = new StateMove(snapshot);
        var (from, to, diags) = source.Resource is null ? move.Module(source, dest)
            : source.HasKey ? move.Instance(source.Resource.Instance(source.Key), dest)
            : move.Resource(source.Resource, dest);
        if (ctx.WriteDiagnostics(diags))
            return 1;
        if (!dryRun)
        {
            move.Apply();
            if (ctx.WriteDiagnostics(await StateFileAccess.WriteAsync(ctx, snapshot, ct, statePath).ConfigureAwait(false)))
                return 1;
        }
        var view = new StateView(ctx);
        view.Moved(from, to, dryRun);
        view.MoveSummary(1, dryRun);
        return 0;
    }
}
