using System.CommandLine;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

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
/// writes atomically (mode 0600) keeping the previous file as <c>provisioner.state.json.backup</c>. Callers pass the
/// snapshot they read (mutated) and must not bump the serial themselves. Locking and journaling arrive with issue 4.</para>
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
    /// Reads the state. A missing file is <c>(null, false, no diagnostics)</c>; a file that cannot be read or decoded
    /// is <c>(null, true, error)</c>.
    /// </summary>
    public static async Task<(StateSnapshot? State, bool Exists, DiagnosticList Diagnostics)> ReadAsync(
        CliContext ctx, CancellationToken ct, string? statePath = null)
    {
        var file = new LocalStateFile(ResolvePath(ctx, statePath));
        var diags = new DiagnosticList();
        if (Directory.Exists(file.Path))
        {
            diags.Error("Failed to load state", $"{file.Path} is a directory, not a state file.");
            return (null, true, diags);
        }
        if (!file.Exists)
            return (null, false, diags);
        var result = await file.ReadAsync(ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            diags.Error("Failed to load state", result.Error);
            return (null, true, diags);
        }
        return (result.Snapshot, true, diags);
    }

    /// <summary>
    /// Persists a change: increments <paramref name="state"/>'s serial, then writes it atomically with a backup of the
    /// previous file. An I/O failure is an error diagnostic (the previous file is intact).
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
        var file = new LocalStateFile(ResolvePath(ctx, statePath));
        var diags = new DiagnosticList();
        try
        {
            await file.WriteAsync(state, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            diags.Error("Failed to write state", $"Cannot write the state file {file.Path}: {ex.Message} The previous state is unchanged.");
        }
        catch (UnauthorizedAccessException ex)
        {
            diags.Error("Failed to write state", $"Cannot write the state file {file.Path}: {ex.Message} The previous state is unchanged.");
        }
        return diags;
    }

    /// <summary>The error Terraform gives state commands run where there is no state.</summary>
    public static Diagnostic NoStateFile(CliContext ctx, string? statePath = null) => Diagnostic.Error(
        "No state file was found!",
        $"State management commands require a state file. Run this command in a directory where Provisioner has been " +
        $"run or use the -state flag to point the command to a specific state location. (Looked for {ctx.DisplayPath(ResolvePath(ctx, statePath))}.)");

    /// <summary>
    /// Takes the state lock for a command that writes state, waiting up to <paramref name="timeout"/>; on refusal prints
    /// who holds it and returns null.
    /// </summary>
    public static async Task<IDisposable?> LockAsync(CliContext ctx, string? statePath, string operation, TimeSpan timeout, CancellationToken ct)
    {
        var (taken, holder) = await Provisioner.State.Locking.LocalStateLock.AcquireAsync(ResolvePath(ctx, statePath), operation, CommandLine.Version,
            timeout, TimeProvider.System, ct).ConfigureAwait(false);
        if (taken is null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Error acquiring the state lock",
                "The state is locked by another Provisioner command" + (holder is null ? "." : ":\n\n" + holder) +
                "\n\nWait for it to finish, or use -lock-timeout to wait for it. A lock whose holder has exited is released automatically; \"provisioner force-unlock ID\" removes leftover lock information.")]);
        }
        return taken;
    }

    /// <summary>
    /// Refuses a state-editing command while an interrupted apply's journal is pending: recovery needs the
    /// configuration's providers, which plan and apply have and state commands do not.
    /// </summary>
    public static bool RefuseIfJournalPending(CliContext ctx, string? statePath)
    {
        var journal = Provisioner.State.Journal.JournalFile.PathFor(ResolvePath(ctx, statePath));
        if (!File.Exists(journal))
            return false;
        ctx.WriteDiagnostics([Diagnostic.Error("Interrupted apply not yet recovered",
            $"An apply was interrupted and its journal ({ctx.DisplayPath(journal)}) has not been resolved yet. Run \"provisioner plan\" (or apply) first: it asks the providers what became of the interrupted operations and records the result. Then edit the state.")]);
        return true;
    }
}
