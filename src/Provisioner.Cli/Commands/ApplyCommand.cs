using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Engine.Events;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner apply [options] [PLANFILE]</c>: plans, shows the plan, asks for approval (unless
/// <c>-auto-approve</c>), and carries it out; or carries out a saved plan exactly, refusing it when the state or
/// the configuration changed since it was made.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(Func<ParseResult, CliContext> context) => Create(context, "apply", "Create or update infrastructure.", destroy: false);

    public static Command Create(Func<ParseResult, CliContext> context, string name, string description, bool destroy)
    {
        var ops = new OperationOptions();
        var autoApprove = new Option<bool>("-auto-approve", "--auto-approve") { Description = "Skip interactive approval of the plan before applying." };
        var planFile = new Argument<string?>("PLANFILE") { Arity = ArgumentArity.ZeroOrOne, Description = "A plan saved with plan -out." };
        var cmd = new Command(name, description);
        ops.AddTo(cmd, destroyFlag: !destroy);
        cmd.Options.Add(autoApprove);
        if (!destroy)
            cmd.Arguments.Add(planFile);
        cmd.SetAction((r, ct) => RunAsync(context(r), ops.Read(r, destroy), r.GetValue(autoApprove), destroy ? null : r.GetValue(planFile), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, OperationSettings settings, bool autoApprove, string? planFile, CancellationToken ct)
    {
        await using var op = new Operation(ctx, settings, "apply");
        if (!await op.LoadAsync(ct).ConfigureAwait(false))
            return 1;
        if (planFile is { Length: > 0 })
            return await ApplySavedAsync(ctx, op, planFile, ct).ConfigureAwait(false);

        var diags = new DiagnosticList();
        var options = op.Options(diags);
        if (options is null)
        {
            ctx.WriteDiagnostics(diags);
            return 1;
        }
        var json = settings.Json ? new JsonEventsView(ctx.Out, TimeProvider.System) : null;
        var planned = await op.PlanAsync(options, json ?? (IEngineEvents)new ProgressView(ctx.Out, ctx.InputIsTerminal, TimeProvider.System), ct).ConfigureAwait(false);
        if (planned is null)
            return 1;
        var plan = planned.Plan!;
        if (json is not null)
            json.Plan(plan);
        else
            PlanView.Render(plan, ctx.Out, ctx.Color);
        if (plan.HasChanges && !autoApprove)
        {
            if (settings.Json)
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Plan approval required", "With -json, apply requires -auto-approve or a saved plan file.")]);
                return 1;
            }
            if (!op.Approve(settings.Destroy))
                return 1;
        }
        return await ExecuteAsync(ctx, op, planned, settings.Destroy, ct).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(CliContext ctx, Operation op, PlanOutcome planned, bool destroy, CancellationToken ct)
    {
        var plan = planned.Plan!;
        var steps = plan.Changes.Sum(c => c.Action switch
        {
            ChangeAction.NoOp or ChangeAction.Forget => 0,
            ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete => 2,
            _ => 1,
        });
        IEngineEvents events = op.Settings.Json
            ? new JsonEventsView(ctx.Out, TimeProvider.System)
            : new ProgressView(ctx.Out, ctx.InputIsTerminal && ctx.Color, TimeProvider.System, steps);
        planned.Events = events;
        if (!op.StateExists && plan.HasChanges)
        {
            // Record the new state's lineage before the first provider call: idempotency tokens derive from it, so an
            // apply interrupted before its end and run again sends the same tokens instead of creating duplicates.
            var first = await StateFileAccess.WriteAsIsAsync(ctx, planned.PriorState, CancellationToken.None, op.Settings.StatePath).ConfigureAwait(false);
            if (ctx.WriteDiagnostics(first))
                return 1;
        }
        return await op.ExecuteAsync(planned, destroy, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>apply FILE</c>: the saved plan is re-derived from the state and variables it was made with (refresh off), and
    /// must come out the same; the current state must still be the one the plan was made against.
    /// </summary>
    private static async Task<int> ApplySavedAsync(CliContext ctx, Operation op, string planFile, CancellationToken ct)
    {
        var (contents, diags) = await PlanFile.ReadAsync(ctx.ResolvePath(planFile), ct).ConfigureAwait(false);
        if (contents is null)
        {
            ctx.WriteDiagnostics(diags);
            return 1;
        }
        var saved = contents.Plan;
        var check = PlanFile.CheckCurrent(contents, op.StateExists ? op.State?.Lineage : null, op.State?.Serial ?? 0, op.ConfigurationDigests());
        if (ctx.WriteDiagnostics(check))
            return 1;
        StateSnapshot? prior = null;
        if (contents.PriorState is { } bytes)
        {
            var read = StateJson.Read(bytes);
            if (!read.IsSuccess)
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Invalid plan file", $"The plan file's prior state cannot be read: {read.Error}")]);
                return 1;
            }
            prior = read.Snapshot;
        }
        var options = saved.Options with { Refresh = false };
        var json = op.Settings.Json ? new JsonEventsView(ctx.Out, TimeProvider.System) : null;
        var planned = await op.PlanAsync(options, NullEngineEvents.Instance, ct, prior, saved.Variables).ConfigureAwait(false);
        if (planned is null)
            return 1;
        var mismatch = SavedPlanComparer.FirstDifference(saved, planned.Plan!);
        if (mismatch is not null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Saved plan no longer matches",
                $"Applying the saved plan would now do something different: {mismatch}. Create a new plan.")]);
            return 1;
        }
        if (json is not null)
            json.Plan(planned.Plan!);
        return await ExecuteAsync(ctx, op, planned, saved.Mode == PlanMode.Destroy, ct).ConfigureAwait(false);
    }
}
