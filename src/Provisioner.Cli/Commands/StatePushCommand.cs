using System.CommandLine;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state push [-state=PATH] [-force] FILE|-</c>: replaces the state with a state file. As in
/// Terraform, a state of another lineage or with a lower serial than the current one is refused unless
/// <c>-force</c>; the pushed state is written as given (its lineage and serial are kept).
/// </summary>
internal static class StatePushCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var force = new Option<bool>("-force", "--force") { Description = "Write the state even if lineages differ or the current serial is higher." };
        var file = new Argument<string>("FILE") { Description = "The state file to push ('-' for standard input)." };
        var cmd = new Command("push", "Replace the state with a local state file.");
        cmd.Options.Add(state);
        cmd.Options.Add(force);
        cmd.Arguments.Add(file);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), r.GetValue(force), r.GetValue(file)!, Console.OpenStandardInput, ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, bool force, string file, Func<Stream> stdin, CancellationToken ct)
    {
        byte[] bytes;
        string display;
        if (file == "-")
        {
            bytes = await StandardInput.ReadAllAsync(stdin, ct).ConfigureAwait(false);
            display = "<stdin>";
        }
        else
        {
            var full = ctx.ResolvePath(file);
            display = ctx.DisplayPath(full);
            if (!File.Exists(full))
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Failed to read the state to push", $"No file at {display}.")]);
                return 1;
            }
            bytes = await File.ReadAllBytesAsync(full, ct).ConfigureAwait(false);
        }
        var pushed = StateJson.Read(bytes);
        if (!pushed.IsSuccess)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to read the state to push", $"{display}: {pushed.Error}")]);
            return 1;
        }

        await using var held = await StateFileAccess.LockAsync(ctx, statePath, "state push", TimeSpan.Zero, ct).ConfigureAwait(false);
        if (held is null || await StateFileAccess.RefuseIfJournalPendingAsync(ctx, statePath, ct).ConfigureAwait(false))
            return 1;
        var (current, _, diags) = await StateFileAccess.ReadAsync(ctx, ct, statePath).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(diags))
            return 1;
        var incoming = pushed.Snapshot;
        if (current is not null && !force)
        {
            if (incoming.Lineage != current.Lineage)
            {
                ctx.WriteDiagnostics([Diagnostic.Error(
                    "Failed to write state",
                    $"Cannot import a state with lineage \"{incoming.Lineage}\" over an unrelated state with lineage \"{current.Lineage}\". Use -force to overwrite it.")]);
                return 1;
            }
            if (incoming.Serial < current.Serial)
            {
                ctx.WriteDiagnostics([Diagnostic.Error(
                    "Failed to write state",
                    $"Cannot import a state with serial {incoming.Serial} over a newer state with serial {current.Serial}. Use -force to overwrite it.")]);
                return 1;
            }
        }
        return ctx.WriteDiagnostics(await StateFileAccess.WriteAsIsAsync(ctx, incoming, ct, statePath).ConfigureAwait(false)) ? 1 : 0;
    }
}
