using System.CommandLine;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Cli.Backends;
using Provisioner.State;
using Provisioner.State.Backends;

namespace Provisioner.Cli.Commands;

/// <summary>
/// How commands find, read and write the local state of a working directory: <c>provisioner.state.json</c> in it
/// (Terraform's <c>terraform.tfstate</c>), or the file named by <c>-state=PATH</c>.
/// </summary>
/// <remarks>
/// <para>Reading never throws for user-facing problems: a corrupted file, an unreadable file or a newer format
/// version is an error diagnostic naming the file, and the file is left untouched.</para>
/// <para><see cref="WriteAsync"/> is for a persisted <em>change</em>: it increments <see cref="StateSnapshot.Serial"/>
/// itself (as Terraform does on each persisted change), stamps <see cref="StateSnapshot.ProvisionerVersion"/>, and
/// writes through the configured backend (<see cref="StateAccess"/>: compare-and-swap against the version read;
/// the local backend writes atomically, mode 0600, keeping <c>provisioner.state.json.backup</c>). Callers pass the
/// snapshot they read (mutated) and must not bump the serial themselves.</para>
/// </remarks>
internal static class StateFileAccess
{
    /// <summary>The <c>-state=PATH</c> option, for commands that accept one.</summary>
    public static Option<string?> CreateStateOption() => new("-state", "--state")
    {
        Description = $"Path to the state file (default: {LocalStateFile.DefaultFileName} in the working directory).",
        HelpName = "PATH",
    };

    /// <summary>The state file's full path: <paramref name="statePath"/> (from <c>-state</c>) or the default file.</summary>
    public static string ResolvePath(CliContext ctx, string? statePath = null) =>
        ctx.ResolvePath(statePath is { Length: > 0 } ? statePath : LocalStateFile.DefaultFileName);

    /// <summary>
    /// Reads the state from the configured backend and workspace. No state is <c>(null, false, no diagnostics)</c>;
    /// a state that cannot be read or decoded is <c>(null, true, error)</c>.
    /// </summary>
    public static async Task<(StateSnapshot? State, bool Exists, DiagnosticList Diagnostics)> ReadAsync(
        CliContext ctx, CancellationToken ct, string? statePath = null)
    {
        var (access, diags) = StateAccess.TryOpen(ctx, statePath);
        if (access is null)
            return (null, true, diags);
        if (access.LocalPath is { } local && Directory.Exists(local))
        {
            diags.Error("Failed to load state", $"{local} is a directory, not a state file.");
            return (null, true, diags);
        }
        var (state, exists, rdiags) = await access.ReadAsync(ct).ConfigureAwait(false);
        diags.AddRange(rdiags);
        return (state, exists, diags);
    }

    /// <summary>
    /// Persists a change: increments <paramref name="state"/>'s serial, then writes it (compare-and-swap against the
    /// version this command read; atomically, keeping the previous version). A failure is an error diagnostic (the
    /// previous state is intact).
    /// </summary>
    public static async Task<DiagnosticList> WriteAsync(CliContext ctx, StateSnapshot state, CancellationToken ct, string? statePath = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Serial++;
        state.ProvisionerVersion = CommandLine.Version;
        return await WriteAsIsAsync(ctx, state, ct, statePath).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="state"/> exactly as given (lineage and serial untouched): <c>state push</c>.</summary>
    internal static async Task<DiagnosticList> WriteAsIsAsync(CliContext ctx, StateSnapshot state, CancellationToken ct, string? statePath = null)
    {
        var (access, diags) = StateAccess.TryOpen(ctx, statePath);
        if (access is null)
            return diags;
        diags.AddRange(await access.WriteAsync(state, ct).ConfigureAwait(false));
        return diags;
    }

    /// <summary>The error Terraform gives state commands run where there is no state.</summary>
    public static Diagnostic NoStateFile(CliContext ctx, string? statePath = null)
    {
        var where = ctx.StateAccess is { LocalPath: null } remote
            ? $"{remote.Store.Location}"
            : ctx.DisplayPath(ctx.StateAccess?.LocalPath ?? ResolvePath(ctx, statePath));
        return Diagnostic.Error(
            "No state file was found!",
            $"State management commands require a state file. Run this command in a directory where Provisioner has been " +
            $"run or use the -state flag to point the command to a specific state location. (Looked for {where}.)");
    }

    /// <summary>
    /// Takes the state lock for a command that writes state, waiting up to <paramref name="timeout"/>; on refusal prints
    /// who holds it and returns null.
    /// </summary>
    public static async Task<HeldLock?> LockAsync(CliContext ctx, string? statePath, string operation, TimeSpan timeout, CancellationToken ct)
    {
        var access = StateAccess.Open(ctx, statePath);
        if (access is null)
            return null;
        LockResult result;
        try
        {
            result = await access.Store.Storage.LockAsync(LockRequest.ForCurrentProcess(operation, CommandLine.Version), timeout, ct).ConfigureAwait(false);
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Error acquiring the state lock", ex.Message)]);
            return null;
        }
        if (result.Lock is null)
        {
            var holder = result.Holder;
            var release = access.LocalPath is null
                ? "A lock whose holder died is released when its lease expires; \"provisioner force-unlock ID\" removes it at once."
                : "A lock whose holder has exited is released automatically; \"provisioner force-unlock ID\" removes leftover lock information.";
            ctx.WriteDiagnostics([Diagnostic.Error("Error acquiring the state lock",
                "The state is locked by another Provisioner command" + (holder is null ? "." : ":\n\n" + holder) +
                "\n\nWait for it to finish, or use -lock-timeout to wait for it. " + release)]);
            return null;
        }
        return new HeldLock(result.Lock);
    }

    /// <summary>
    /// Refuses a state-editing command while an interrupted apply's journal is pending: recovery needs the
    /// configuration's providers, which plan and apply have and state commands do not.
    /// </summary>
    public static async Task<bool> RefuseIfJournalPendingAsync(CliContext ctx, string? statePath, CancellationToken ct)
    {
        var access = StateAccess.Open(ctx, statePath);
        if (access is null)
            return true;
        bool pending;
        try
        {
            pending = await access.Store.JournalExistsAsync(ct).ConfigureAwait(false);
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to load state", ex.Message)]);
            return true;
        }
        if (!pending)
            return false;
        var where = access.LocalPath is { } local ? ctx.DisplayPath(State.Journal.JournalFile.PathFor(local)) : access.Store.Location + " (journal)";
        ctx.WriteDiagnostics([Diagnostic.Error("Interrupted apply not yet recovered",
            $"An apply was interrupted and its journal ({where}) has not been resolved yet. Run \"provisioner plan\" (or apply) first: it asks the providers what became of the interrupted operations and records the result. Then edit the state.")]);
        return true;
    }
}
