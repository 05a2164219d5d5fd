using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Engine.Events;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner plan [options]</c>: shows what apply would do. <c>-out=FILE</c> saves the plan for
/// <c>apply FILE</c>; <c>-detailed-exitcode</c> exits 0 (no changes), 1 (error) or 2 (changes).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var ops = new OperationOptions();
        var outFile = new Option<string?>("-out", "--out") { Description = "Write the plan to the given file, for \"provisioner apply FILE\".", HelpName = "FILE" };
        var detailed = new Option<bool>("-detailed-exitcode", "--detailed-exitcode")
        {
            Description = "Exit 0 when the plan is empty, 1 on errors, 2 when there are changes.",
        };
        var cmd = new Command("plan", "Show changes required by the current configuration.");
        ops.AddTo(cmd, destroyFlag: true);
        cmd.Options.Add(outFile);
        cmd.Options.Add(detailed);
        cmd.SetAction((r, ct) => RunAsync(context(r), ops.Read(r, destroy: false), r.GetValue(outFile), r.GetValue(detailed), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, OperationSettings settings, string? outFile, bool detailed, CancellationToken ct)
    {
        await using var op = new Operation(ctx, settings, "plan");
        if (!await op.LoadAsync(ct).ConfigureAwait(false))
            return 1;
        var diags = new DiagnosticList();
        var options = op.Options(diags);
        if (options is null)
        {
            ctx.WriteDiagnostics(diags);
            return 1;
        }
        var json = settings.Json ? new JsonEventsView(ctx.Out, TimeProvider.System) : null;
        IEngineEvents events = json is not null ? json : new ProgressView(ctx.Out, ctx.InputIsTerminal, TimeProvider.System);
        var planned = await op.PlanAsync(options, events, ct).ConfigureAwait(false);
        if (planned is null)
            return 1;
        var plan = planned.Plan!;
        if (json is not null)
            json.Plan(plan);
        else
            PlanView.Render(plan, ctx.Out, ctx.Color);
        if (outFile is { Length: > 0 })
        {
            var path = ctx.ResolvePath(outFile);
            var contents = new PlanFileContents(plan, op.ConfigurationDigests(), CommandLine.Version)
            {
                PriorState = planned.PriorStateForPlanFile(),
            };
            try
            {
                await PlanFile.WriteAsync(path, contents, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Failed to write plan file", $"Cannot write the plan to {outFile}: {ex.Message}")]);
                return 1;
            }
            if (json is null)
            {
                ctx.Out.WriteLine();
                ctx.Out.WriteLine($"Saved the plan to: {outFile}");
                ctx.Out.WriteLine();
                ctx.Out.WriteLine("To perform exactly these actions, run the following command to apply:");
                ctx.Out.WriteLine($"    provisioner apply \"{outFile}\"");
            }
        }
        return detailed && plan.HasChanges ? 2 : 0;
    }
}
