using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Engine.Planning;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner show [-json] [PLANFILE]</c>: the state (or a saved plan) in human form, or as JSON
/// (<c>docs/plan-json.md</c> for plans; Terraform's <c>values</c> representation for the state).
/// </summary>
internal static class ShowCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("-json", "--json") { Description = "Machine-readable JSON." };
        var state = StateFileAccess.CreateStateOption();
        var file = new Argument<string?>("PLANFILE") { Arity = ArgumentArity.ZeroOrOne, Description = "A plan saved with plan -out." };
        var cmd = new Command("show", "Show the current state or a saved plan.");
        cmd.Options.Add(json);
        cmd.Options.Add(state);
        cmd.Arguments.Add(file);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(json), r.GetValue(file), r.GetValue(state), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, bool json, string? planFile, string? statePath, CancellationToken ct)
    {
        if (planFile is { Length: > 0 })
        {
            var (contents, diags) = await PlanFile.ReadAsync(ctx.ResolvePath(planFile), ct).ConfigureAwait(false);
            if (contents is null)
            {
                ctx.WriteDiagnostics(diags);
                return 1;
            }
            if (json)
                ctx.Out.WriteLine(PlanJson.Serialize(contents.Plan, CommandLine.Version));
            else
                PlanView.Render(contents.Plan, ctx.Out, ctx.Color);
            return 0;
        }
        var (snapshot, exists, sdiags) = await StateFileAccess.ReadAsync(ctx, ct, statePath).ConfigureAwait(false);
        if (sdiags.HasErrors)
        {
            ctx.WriteDiagnostics(sdiags);
            return 1;
        }
        if (json)
        {
            ctx.Out.WriteLine(StateJsonView.Render(snapshot, CommandLine.Version));
            return 0;
        }
        if (!exists || snapshot is null || snapshot.IsEmpty)
        {
            ctx.Out.WriteLine("No state.");
            return 0;
        }
        var view = new StateView(ctx);
        foreach (var r in snapshot.Resources)
        {
            foreach (var i in r.Instances)
            {
                view.Show(r.Address + i.KeyString, [(r, i)]);
                ctx.Out.WriteLine();
            }
        }
        if (snapshot.Outputs.Count > 0)
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Outputs:");
            ctx.Out.WriteLine();
            new OutputView(ctx).AllHuman(snapshot.Outputs);
        }
        return 0;
    }
}
