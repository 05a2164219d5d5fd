using System.Globalization;
using Provisioner.Config;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Protocol;
using Provisioner.State;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Commands;

/// <summary>
/// Resolves an apply journal left by an interrupted run, before <c>plan</c>, <c>apply</c> or <c>destroy</c> does
/// anything else: finished calls are replayed into the state; calls that were in flight are resolved through their
/// provider by idempotency token (adopted when they took effect, retired when they did not). The state is then
/// written (serial + 1, with a backup) and the journal deleted.
/// </summary>
internal static class JournalRecovery
{
    /// <summary>
    /// Recovers the journal of the state at <paramref name="statePath"/>, if there is one. Returns the state to
    /// continue with (unchanged when there is no journal), or null after errors (printed; the journal is kept).
    /// </summary>
    public static async Task<(StateSnapshot? State, bool Ok)> RunAsync(CliContext ctx, string statePath, bool json, ModuleNode root,
        IReadOnlyDictionary<string, HclValue> variables, StateSnapshot? state, CancellationToken ct)
    {
        var access = Backends.StateAccess.Open(ctx, null);
        if (access is null)
            return (null, false);
        var store = access.Store;
        var path = access.LocalPath is { } local ? JournalFile.PathFor(local) : store.Location + " (journal)";
        JournalReadResult read;
        try
        {
            if (!await store.JournalExistsAsync(ct).ConfigureAwait(false))
                return (state, true);
            read = await store.ReadJournalAsync(ct).ConfigureAwait(false);
        }
        catch (State.Backends.StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Cannot recover the interrupted apply", ex.Message)]);
            return (null, false);
        }
        if (!read.IsSuccess)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Cannot recover the interrupted apply", $"{read.Error} The state file was not changed; the journal was kept for inspection.")]);
            return (null, false);
        }
        var journal = read.Contents;
        if (journal.Intents.Count == 0)
        {
            await store.DeleteJournalAsync(ct).ConfigureAwait(false);
            return (state, true);
        }
        var lineage = journal.Intents[0].Lineage;
        if (state is not null && state.Lineage != lineage)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Apply journal belongs to another state",
                $"The apply journal {path} records operations on state lineage {lineage}, but the state file has lineage {state.Lineage}. Provisioner cannot tell which objects those operations created. Restore the matching state file, or move the journal away if its operations are known to be settled.")]);
            return (null, false);
        }
        state ??= new StateSnapshot(lineage);
        var replayer = new JournalReplayer(state);

        var lines = new List<string>();
        var replayed = 0;
        EvaluationSession? session = null;
        foreach (var intent in journal.Intents)
        {
            if (journal.Results.TryGetValue(intent.Seq, out var result))
            {
                replayer.Apply(intent, result);
                replayed++;
                continue;
            }
            if (session is null)
            {
                replayer.Finish();
                var input = new PlanInput(root, state, variables, new PlanOptions(PlanMode.RefreshOnly, Refresh: false), BuiltinProviders.Create(), ctx.WorkingDirectory);
                var (opened, odiags) = await EvaluationSession.OpenAsync(input, ct).ConfigureAwait(false);
                if (opened is null)
                {
                    ctx.WriteDiagnostics(odiags);
                    ctx.WriteDiagnostics([Diagnostic.Error("Cannot recover the interrupted apply",
                        $"The configuration could not be evaluated to configure the providers that must be asked about {intent.Address}. The state file was not changed; the journal {path} was kept.")]);
                    return (null, false);
                }
                session = opened;
            }
            var kind = intent.Kind switch
            {
                JournalIntent.Create => ChangeKind.Create,
                JournalIntent.Update => ChangeKind.Update,
                _ => ChangeKind.Delete,
            };
            var (outcome, obj, diags) = await session.RecoverCallAsync(intent.Provider, intent.Type, kind, intent.Token, intent.PriorJson, intent.PlannedJson, ct).ConfigureAwait(false);
            if (diags.HasErrors)
            {
                ctx.WriteDiagnostics(diags);
                ctx.WriteDiagnostics([Diagnostic.Error("Cannot recover the interrupted apply",
                    $"Provisioner could not find out what became of the {intent.Kind} of {intent.Address} (idempotency token {intent.Token}). The state file was not changed; the journal {path} was kept, and the next plan or apply will ask again.")]);
                return (null, false);
            }
            string what;
            if (outcome == RecoverOutcome.NotApplied)
            {
                what = "not applied, retired";
            }
            else if (obj is null)
            {
                replayer.Remove(intent);
                what = intent.Kind == JournalIntent.Delete ? "completed, removed" : "completed, object gone since, removed";
            }
            else
            {
                obj.Generation = intent.Generation;
                replayer.Record(intent, obj);
                what = "adopted";
            }
            lines.Add($"{intent.Address}{(intent.Deposed is null ? "" : " (deposed object " + intent.Deposed + ")")} ({intent.Kind}, {what})");
        }

        replayer.Finish();
        var write = await StateFileAccess.WriteAsync(ctx, state, CancellationToken.None, statePath).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(write))
            return (null, false);
        await store.DeleteJournalAsync(CancellationToken.None).ConfigureAwait(false);
        Report(ctx, json, replayed, lines);
        return (state, true);
    }

    private static void Report(CliContext ctx, bool json, int replayed, List<string> recovered)
    {
        var o = json ? ctx.Error : ctx.Out;
        if (recovered.Count > 0)
        {
            var n = recovered.Count.ToString(CultureInfo.InvariantCulture);
            o.WriteLine($"Recovered {n} operation{(recovered.Count == 1 ? "" : "s")} interrupted by a previous run: {string.Join(", ", recovered)}.");
        }
        if (replayed > 0)
        {
            var n = replayed.ToString(CultureInfo.InvariantCulture);
            o.WriteLine($"Recorded {n} finished operation{(replayed == 1 ? "" : "s")} from the journal of a previous run that was interrupted before it saved the state.");
        }
        o.WriteLine();
    }
}
