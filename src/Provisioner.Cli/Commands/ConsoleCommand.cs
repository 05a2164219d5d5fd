using System.CommandLine;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner console</c>: evaluates expressions typed on standard input (one per line) against the configuration
/// and the recorded state, like Terraform's console. Sensitive values print as <c>(sensitive value)</c>. Ends at end
/// of input or <c>exit</c>.
/// </summary>
internal static class ConsoleCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var ops = new OperationOptions();
        var cmd = new Command("console", "Try Provisioner expressions at an interactive command prompt.");
        cmd.Options.Add(ops.Var);
        cmd.Options.Add(ops.VarFile);
        cmd.Options.Add(ops.State);
        cmd.SetAction((r, ct) => RunAsync(context(r), ops.Read(r, destroy: false), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, OperationSettings settings, CancellationToken ct)
    {
        await using var op = new Operation(ctx, settings, "console");
        var session = await op.OpenSessionAsync(ct).ConfigureAwait(false);
        if (session is null)
            return 1;
        var failed = false;
        while (true)
        {
            if (ctx.InputIsTerminal)
            {
                ctx.Out.Write("> ");
                ctx.Out.Flush();
            }
            var line = ctx.In.ReadLine();
            if (line is null || line.Trim() == "exit")
                break;
            if (line.Trim().Length == 0)
                continue;
            var r = session.Evaluate(line);
            if (r.HasErrors)
            {
                ctx.WriteDiagnostics(r.Diagnostics);
                failed = true;
                continue;
            }
            ctx.Out.WriteLine(Format(r.Value));
        }
        return failed && !ctx.InputIsTerminal ? 1 : 0;
    }

    private static string Format(HclValue v)
    {
        if (v.IsMarked && v.IsSensitive)
            return "(sensitive value)";
        if (!v.IsKnown)
            return "(known after apply)";
        return Views.OutputValueRenderer.Render(v);
    }
}
