using System.CommandLine;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State.Locking;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner force-unlock [-force] LOCK_ID</c>: removes the lock information a holder left behind. A local lock
/// is an OS lock that its holder's exit releases, so this never breaks a lock that a running command holds.
/// </summary>
internal static class ForceUnlockCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var force = new Option<bool>("-force", "--force") { Description = "Don't ask for confirmation." };
        var state = StateFileAccess.CreateStateOption();
        var id = new Argument<string>("LOCK_ID") { Description = "The ID of the lock, as printed when a command is refused." };
        var cmd = new Command("force-unlock", "Release a stuck lock on the current workspace.");
        cmd.Options.Add(force);
        cmd.Options.Add(state);
        cmd.Arguments.Add(id);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(id)!, r.GetValue(force), r.GetValue(state), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string id, bool force, string? statePath, CancellationToken ct)
    {
        if (!force)
        {
            if (!ctx.InputIsTerminal)
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Confirmation required", "Standard input is not a terminal: use -force to unlock without confirmation.")]);
                return 1;
            }
            ctx.Out.WriteLine("Do you really want to force-unlock?");
            ctx.Out.WriteLine("  Provisioner will remove the lock on the remote state.");
            ctx.Out.WriteLine("  This will allow local Provisioner commands to modify this state, even though it");
            ctx.Out.WriteLine("  may still be in use. Only 'yes' will be accepted to confirm.");
            ctx.Out.WriteLine();
            ctx.Out.Write("  Enter a value: ");
            if (ctx.In.ReadLine()?.Trim() != "yes")
            {
                ctx.WriteDiagnostics([Diagnostic.Error("force-unlock cancelled.", "")]);
                return 1;
            }
        }
        var access = Backends.StateAccess.Open(ctx, statePath);
        if (access is null)
            return 1;
        string? error;
        try
        {
            error = await access.Store.Storage.ForceUnlockAsync(id, ct).ConfigureAwait(false);
        }
        catch (Provisioner.State.Backends.StateBackendException ex)
        {
            error = ex.Message;
        }
        if (error is not null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to unlock state", error)]);
            return 1;
        }
        ctx.Out.WriteLine("Provisioner state has been successfully unlocked!");
        return 0;
    }
}
