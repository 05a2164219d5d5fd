using System.Collections;
using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;
using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;

namespace Provisioner.Cli.Backends;

/// <summary>
/// A command's view of its state: the configured backend, the selected workspace, and a <see cref="StateStore"/> on
/// it (encrypted when configured). Remembers the version it last read or wrote, so every write is a compare-and-swap
/// against what this command saw: a concurrent writer (for instance one that ran with <c>-lock=false</c>) is detected
/// and refused instead of silently overwritten.
/// </summary>
internal sealed class StateAccess : IAsyncDisposable
{
    private StateAccess(IStateBackend backend, string workspace, IStateCipher? cipher, BackendConfig? config)
    {
        Cipher = cipher;
        Backend = backend;
        Workspace = workspace;
        Store = new StateStore(backend.Workspace(workspace), cipher);
        Config = config;
    }

    /// <summary>The state encryption configured (<c>provisioner { encryption { } }</c>), or null.</summary>
    public IStateCipher? Cipher { get; }

    /// <summary>Another workspace's state in the same backend, with the same encryption.</summary>
    public StateStore StoreFor(string workspace) => new(Backend.Workspace(workspace), Cipher);

    public IStateBackend Backend { get; }

    /// <summary>The selected workspace.</summary>
    public string Workspace { get; }

    public StateStore Store { get; }

    /// <summary>The backend block (null: the default local backend).</summary>
    public BackendConfig? Config { get; }

    /// <summary>The version this command last read or wrote (null: none stored, or not read yet).</summary>
    public StateVersion? Known { get; private set; }

    /// <summary>The local state file, when the backend is local.</summary>
    public string? LocalPath => (Store.Storage as LocalStateStorage)?.Path;

    /// <summary>The environment variables backends and encryption read (the whole process environment).</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v)
                env[k] = v;
        }
        return env;
    }

    /// <summary>
    /// The command's state access (created once per command): reads the root module's settings (unless
    /// <paramref name="settings"/> are given), creates the backend and picks the workspace. Prints diagnostics and
    /// returns null on errors.
    /// </summary>
    public static StateAccess? Open(CliContext ctx, string? statePath, ModuleSettings? settings = null)
    {
        var (access, diags) = TryOpen(ctx, statePath, settings);
        ctx.WriteDiagnostics(diags);
        return access;
    }

    /// <summary>As <see cref="Open"/>, returning the diagnostics instead of printing them.</summary>
    public static (StateAccess? Access, DiagnosticList Diagnostics) TryOpen(CliContext ctx, string? statePath, ModuleSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var diags = new DiagnosticList();
        if (ctx.StateAccess is { } cached)
            return (cached, diags);
        if (settings is null)
        {
            var loader = new ConfigLoader(new ConfigLoaderOptions(ctx.WorkingDirectory, ctx.Sources));
            var (module, mdiags) = loader.LoadModule(ctx.WorkingDirectory);
            if (module is null || mdiags.HasErrors)
                return (null, mdiags);
            settings = module.Settings;
        }
        var env = ProcessEnvironment();
        var (decoded, factory) = BackendResolver.Decode(settings.Backend, ctx.WorkingDirectory, env, diags);
        if (decoded is null || factory is null)
            return (null, diags);
        var current = BackendRecord.Of(factory, decoded);
        var recorded = BackendRecord.Read(ctx.WorkingDirectory);
        if (recorded is null && !current.SameAs(BackendRecord.DefaultLocal))
        {
            diags.Error("Backend initialization required",
                $"The configuration uses the {current} backend, and this working directory has not been initialised for it. Run \"provisioner init\" (add -migrate-state to move an existing local state there).",
                settings.Backend?.DeclRange);
            return (null, diags);
        }
        if (recorded is not null && !recorded.SameAs(current))
        {
            diags.Error("Backend configuration changed",
                $"This working directory was initialised with the {recorded} backend, and the configuration now says {current}. Run \"provisioner init -migrate-state\" to move the state to the new backend, or \"provisioner init -reconfigure\" to use the new backend without moving anything.",
                settings.Backend?.DeclRange);
            return (null, diags);
        }
        var (backend, bdiags) = BackendResolver.Create(settings.Backend, factory, decoded,
            statePath is { Length: > 0 } ? ctx.ResolvePath(statePath) : null, TimeProvider.System);
        diags.AddRange(bdiags);
        var (workspace, source) = WorkspaceSelection.Current(ctx.WorkingDirectory);
        if (!Workspaces.IsValidName(workspace))
        {
            diags.Error("Invalid workspace name",
                $"The workspace \"{workspace}\" (from {source}) is not a valid name: use letters, digits, '-', '_' and '.', starting with a letter or digit.");
        }
        var (cipher, ediags) = StateEncryptionResolver.Resolve(settings.Encryption, env);
        diags.AddRange(ediags);
        if (diags.HasErrors || backend is null)
            return (null, diags);
        var access = new StateAccess(backend, workspace, cipher, settings.Backend);
        ctx.StateAccess = access;
        return (access, diags);
    }

    /// <summary>Reads the state (see <see cref="Commands.StateFileAccess.ReadAsync"/>) and remembers its version.</summary>
    public async Task<(StateSnapshot? State, bool Exists, DiagnosticList Diagnostics)> ReadAsync(CancellationToken ct)
    {
        var diags = new DiagnosticList();
        try
        {
            var (result, version) = await Store.ReadAsync(ct).ConfigureAwait(false);
            Known = version;
            if (!result.IsSuccess)
            {
                diags.Error("Failed to load state", result.Error);
                return (null, true, diags);
            }
            return (result.Snapshot, result.Snapshot is not null, diags);
        }
        catch (StateBackendException ex)
        {
            diags.Error("Failed to load state", ex.Message);
            return (null, true, diags);
        }
    }

    /// <summary>
    /// Writes <paramref name="state"/> as given if the stored state is still the one this command last saw; a
    /// concurrent change is an error and nothing is written.
    /// </summary>
    public async Task<DiagnosticList> WriteAsync(StateSnapshot state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var diags = new DiagnosticList();
        try
        {
            var result = await Store.WriteAsync(state, Known, ct).ConfigureAwait(false);
            if (result.Written)
            {
                Known = new StateVersion(state.Lineage, state.Serial);
                return diags;
            }
            diags.Error("State changed by another command",
                $"The state at {Store.Location} was changed since this command read it (it read {(Known is { } k ? k.ToString() : "no state")}; it now holds {(result.Current is { } c ? c.ToString() : "no state")}). " +
                "Another Provisioner command wrote it, probably one run with -lock=false. Nothing was written, so that command's update is not lost; run this command again.");
        }
        catch (StateBackendException ex)
        {
            diags.Error("Failed to write state", ex.Message);
        }
        return diags;
    }

    public ValueTask DisposeAsync() => Backend.DisposeAsync();
}
