using System.Collections;
using Provisioner.Cli.Backends;
using Provisioner.Cli.Views;
using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Events;
using Provisioner.Engine.Execution;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.State;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Commands;

/// <summary>
/// The flow shared by <c>plan</c>, <c>apply</c> and <c>destroy</c>: load the configuration, the state and the
/// variables; plan; (apply:) ask for approval, run the executor, persist the state, print the summary.
/// </summary>
internal sealed class Operation(CliContext ctx, OperationSettings settings, string name = "apply") : IAsyncDisposable
{
    private HeldLock? _lock;

    /// <summary>Releases the state lock (a network call for remote backends).</summary>
    public ValueTask DisposeAsync() => _lock?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Takes the state lock (unless <c>-lock=false</c>), waiting up to <c>-lock-timeout</c>; a refusal names the holder.
    /// </summary>
    private async Task<bool> LockAsync(CancellationToken ct)
    {
        if (!Settings.Lock)
            return true;
        if (Settings.LockTimeout == TimeSpan.MinValue)
        {
            Context.WriteDiagnostics([Diagnostic.Error("Invalid -lock-timeout value", "The -lock-timeout value must be a duration such as 0s, 30s, 5m or 1h.")]);
            return false;
        }
        var taken = await StateFileAccess.LockAsync(Context, Settings.StatePath, name, Settings.LockTimeout, ct).ConfigureAwait(false);
        if (taken is null)
            return false;
        _lock = taken;
        return true;
    }

    public CliContext Context { get; } = ctx;

    public OperationSettings Settings { get; } = settings;

    public ModuleNode? Root { get; private set; }

    /// <summary>The state as read (null when there is none yet).</summary>
    public StateSnapshot? State { get; private set; }

    public bool StateExists { get; private set; }

    public VariableValues? Variables { get; private set; }

    /// <summary>Loads configuration, state and variables; prints diagnostics and returns false on errors.</summary>
    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        var loader = new ConfigLoader(new ConfigLoaderOptions(Context.WorkingDirectory, Context.Sources));
        var (root, diags) = loader.LoadTree(Context.WorkingDirectory, ct);
        if (root is not null)
            RequiredVersion.Check(root, diags);
        if (diags.HasErrors || root is null)
        {
            Context.WriteDiagnostics(diags);
            return false;
        }
        // The backend comes from the root module just loaded (not read again).
        var (access, adiags) = Backends.StateAccess.TryOpen(Context, Settings.StatePath, root.Config.Settings);
        if (access is null)
        {
            Context.WriteDiagnostics(adiags);
            return false;
        }
        if (!await LockAsync(ct).ConfigureAwait(false))
            return false;
        var (state, exists, sdiags) = await StateFileAccess.ReadAsync(Context, ct, Settings.StatePath).ConfigureAwait(false);
        diags.AddRange(sdiags);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v && k.StartsWith(VariableInputs.EnvironmentPrefix, StringComparison.Ordinal))
                env[k] = v;
        }
        var vars = VariableInputs.Resolve(root.Config, Settings.VariableArgs, env, Context.WorkingDirectory,
            new VariableInputOptions(TimeProvider.System, Context.Sources, Context.WorkingDirectory), ct);
        diags.AddRange(vars.Diagnostics);
        if (diags.HasErrors)
        {
            Context.WriteDiagnostics(diags);
            return false;
        }
        Context.WriteDiagnostics(diags);
        var statePath = StateFileAccess.ResolvePath(Context, Settings.StatePath);
        var (recovered, ok) = await JournalRecovery.RunAsync(Context, statePath, Settings.Json, root, vars.Values, state, ct).ConfigureAwait(false);
        if (!ok)
            return false;
        Root = root;
        State = recovered;
        StateExists = exists || recovered is not null;
        Variables = vars;
        return true;
    }

    /// <summary>
    /// Loads everything and opens the configuration against the state without changing anything (console, import);
    /// prints diagnostics and returns null on errors.
    /// </summary>
    public async Task<EvaluationSession?> OpenSessionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct).ConfigureAwait(false))
            return null;
        var input = new PlanInput(Root!, State, Variables!.Values, new PlanOptions(), BuiltinProviders.Create(), Context.WorkingDirectory);
        var (session, diags) = await EvaluationSession.OpenAsync(input, ct).ConfigureAwait(false);
        if (session is null)
            Context.WriteDiagnostics(diags);
        return session;
    }

    /// <summary>Builds the planner's options from the flags; bad addresses are diagnostics.</summary>
    public PlanOptions? Options(DiagnosticList diags)
    {
        var targets = new List<ParsedAddress>();
        foreach (var t in Settings.Targets)
        {
            var (a, d) = AddressParser.Parse(t, "-target");
            diags.AddRange(d);
            if (a is not null)
                targets.Add(a);
        }
        var replace = new List<ResourceInstanceAddress>();
        foreach (var t in Settings.Replace)
        {
            var (a, d) = AddressParser.ParseInstance(t, "-replace");
            diags.AddRange(d);
            if (a is not null)
                replace.Add(a);
        }
        if (!Settings.Destroy && Root is not null && !Directory.EnumerateFiles(Root.Config.Directory).Any(f => ConfigLoader.IsConfigFile(Path.GetFileName(f))))
        {
            diags.Error("No configuration files",
                "Planning requires configuration to be present. Planning without a configuration would mark everything for destruction, which is normally not what is desired. If you would like to destroy everything, run with the -destroy option (or use destroy). Otherwise, create a Provisioner configuration file (.hcl) and try again.");
        }
        if (Settings.Parallelism < 1)
            diags.Error("Invalid -parallelism value", "The -parallelism value must be at least 1.");
        if (Settings.RefreshOnly && Settings.Destroy)
            diags.Error("Incompatible plan mode options", "The -destroy and -refresh-only options are mutually exclusive.");
        if (Settings.RefreshOnly && !Settings.Refresh)
            diags.Error("Incompatible refresh options", "It doesn't make sense to use -refresh-only at the same time as -refresh=false, because Provisioner would have nothing to do.");
        if (diags.HasErrors)
            return null;
        var mode = Settings.Destroy ? PlanMode.Destroy : Settings.RefreshOnly ? PlanMode.RefreshOnly : PlanMode.Normal;
        return new PlanOptions(mode, Settings.Refresh, targets, replace);
    }

    /// <summary>Plans with the loaded inputs (or the given prior state and variables, when applying a saved plan).</summary>
    public async Task<PlanOutcome?> PlanAsync(PlanOptions options, IEngineEvents events, CancellationToken ct,
        StateSnapshot? prior = null, IReadOnlyDictionary<string, HclValue>? variables = null)
    {
        var sensitive = Root!.Config.Variables.Values.Where(v => v.Sensitive).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var input = new PlanInput(Root, prior ?? State, variables ?? Variables!.Values, options, BuiltinProviders.Create(), Context.WorkingDirectory)
        {
            Events = events,
            SensitiveVariables = sensitive,
        };
        var outcome = await Planner.PlanAsync(input, ct).ConfigureAwait(false);
        Context.WriteDiagnostics(outcome.Diagnostics);
        return outcome.Plan is null ? null : outcome;
    }

    /// <summary>SHA-256 of every configuration file of the tree, by path relative to the working directory.</summary>
    public IReadOnlyDictionary<string, string> ConfigurationDigests()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in Root!.Descendants())
        {
            foreach (var f in Directory.EnumerateFiles(node.Config.Directory))
            {
                if (!ConfigLoader.IsConfigFile(Path.GetFileName(f)))
                    continue;
                var rel = Path.GetRelativePath(Context.WorkingDirectory, f).Replace('\\', '/');
                result[rel] = PlanFile.Sha256Hex(File.ReadAllBytes(f));
            }
        }
        return result;
    }

    /// <summary>
    /// Asks "Do you want to perform these actions?" unless approved in advance. Refuses (false) when input is
    /// disabled or standard input is not a terminal, as there is nobody to ask.
    /// </summary>
    public bool Approve(bool destroy)
    {
        if (!Settings.Input)
        {
            Context.WriteDiagnostics([Diagnostic.Error("No approval given",
                "Applying requires approval, and -input=false forbids asking for it. Use -auto-approve, or apply a saved plan file: provisioner plan -out=FILE, then provisioner apply FILE.")]);
            return false;
        }
        if (!Context.InputIsTerminal)
        {
            Context.WriteDiagnostics([Diagnostic.Error("No approval given",
                "Standard input is not a terminal, so Provisioner cannot ask for approval. Use -auto-approve, or apply a saved plan file.")]);
            return false;
        }
        var o = Context.Out;
        o.WriteLine(destroy ? "Do you really want to destroy all resources?" : "Do you want to perform these actions?");
        o.WriteLine(destroy
            ? "  Provisioner will destroy all your managed infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm."
            : "  Provisioner will perform the actions described above.\n  Only 'yes' will be accepted to approve.");
        o.WriteLine();
        o.Write("  Enter a value: ");
        o.Flush();
        var answer = Context.In.ReadLine();
        o.WriteLine();
        if (answer?.Trim() == "yes")
            return true;
        Context.WriteDiagnostics([Diagnostic.Error(destroy ? "Destroy cancelled." : "Apply cancelled.", "")]);
        return false;
    }

    /// <summary>Runs the plan, persists the state (always, also after failures), and prints the summary.</summary>
    public async Task<int> ExecuteAsync(PlanOutcome planned, bool destroy, CancellationToken ct)
    {
        var view = planned.Events;
        var access = Backends.StateAccess.Open(Context, Settings.StatePath);
        if (access is null)
            return 1;
        var journalPath = access.LocalPath is { } local ? JournalFile.PathFor(local) : access.Store.Location + " (journal)";
        ApplyOutcome outcome;
        JournalWriter journalWriter;
        try
        {
            journalWriter = access.Store.OpenJournal();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Provisioner.State.Backends.StateBackendException)
        {
            Context.WriteDiagnostics([Diagnostic.Error("Cannot open the apply journal",
                $"Provisioner journals every provider call in {journalPath} so that an interrupted apply can be recovered, and cannot write it: {ex.Message} Nothing was changed.")]);
            return 1;
        }
        using (var journal = journalWriter)
        {
            // Every mutating provider call is journalled (intent fsynced before it, result after it), so that a run
            // killed at any moment is resolved by the next one (JournalRecovery) without orphans or duplicates.
            planned.Events = new JournalingEvents(view, journal, planned.Plan!.PriorLineage, planned.Plan.PriorSerial);
            // A remote lock's lease lost mid-apply (its holder cut off from the backend) stops scheduling like Ctrl-C.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Context.StopScheduling,
                _lock?.Lost ?? CancellationToken.None);
            var compactor = JournalCompactor.Start(access, planned.Plan.PriorLineage, TimeProvider.System);
            try
            {
                outcome = await Executor.ApplyAsync(planned, new ApplyOptions(Settings.Parallelism), stop.Token, ct).ConfigureAwait(false);
            }
            finally
            {
                if (compactor is not null)
                    await compactor.StopAsync().ConfigureAwait(false);
            }
            if (compactor?.Error is { } compactionError)
                Context.WriteDiagnostics([compactionError]);
            planned.Events = view;
        }
        (view as ProgressView)?.Finish();
        // The final state follows any compacted one written during the apply.
        outcome.State.Serial = Math.Max(outcome.State.Serial, access.Known?.Serial ?? 0);
        var writeDiags = await StateFileAccess.WriteAsync(Context, outcome.State, CancellationToken.None, Settings.StatePath).ConfigureAwait(false);
        if (!writeDiags.HasErrors)
            await access.Store.DeleteJournalAsync(CancellationToken.None).ConfigureAwait(false); // compacted: everything it recorded is in the state just written
        Context.WriteDiagnostics(outcome.Diagnostics);
        Context.WriteDiagnostics(writeDiags);
        if (Settings.Json)
        {
            JsonEventsView.Summary(Context.Out, outcome, destroy);
        }
        else if (outcome.Succeeded)
        {
            var outputs = destroy ? [] : OutputsOf(outcome.State);
            Context.Out.WriteLine();
            ApplyView.Render(Context.Out, Context.Color, new ApplyCounts(outcome.Added, outcome.Changed, outcome.Destroyed, outcome.Forgotten, outcome.Imported), destroy, outputs);
        }
        else
        {
            Context.Out.WriteLine();
            Context.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(destroy ? "Destroy" : "Apply")} {(outcome.Stopped ? "interrupted" : "failed")}! Resources: {outcome.Added} added, {outcome.Changed} changed, {outcome.Destroyed} destroyed, {outcome.Failed} failed."));
            if (outcome.Stopped)
                Context.Error.WriteLine("Provisioner was interrupted: the operations in progress finished and were recorded; nothing else was started.");
        }
        return outcome.Succeeded && !writeDiags.HasErrors ? 0 : 1;
    }

    private static List<ApplyOutput> OutputsOf(StateSnapshot state)
    {
        var list = new List<ApplyOutput>();
        foreach (var (name, o) in state.Outputs)
        {
            if (!HclJson.TryTypeFromJson(o.TypeJson, out var type, out _))
                continue;
            var r = HclJson.FromJson(o.ValueJson, type);
            if (r.IsSuccess)
                list.Add(new ApplyOutput(name, r.Value!, o.Sensitive));
        }
        return list;
    }
}
