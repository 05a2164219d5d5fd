using Provisioner.Cli.Backends;
using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;
using Provisioner.State.Backends;

namespace Provisioner.Cli.Commands;

/// <summary>
/// The backend part of <c>init</c>: checks that the configured backend can be reached, records it in
/// <c>.provisioner/backend.json</c>, and, with <c>-migrate-state</c>, moves every workspace's state from the backend
/// the directory was initialised with (or the default local files) to the configured one.
/// </summary>
internal static class BackendInit
{
    public static async Task<bool> RunAsync(CliContext ctx, ModuleSettings settings, bool migrate, bool reconfigure, bool forceCopy, CancellationToken ct)
    {
        var config = settings.Backend;
        var env = StateAccess.ProcessEnvironment();
        var (cipher, diags) = StateEncryptionResolver.Resolve(settings.Encryption, env);
        var (decoded, factory) = BackendResolver.Decode(config, ctx.WorkingDirectory, env, diags);
        if (decoded is null || factory is null || diags.HasErrors)
        {
            ctx.WriteDiagnostics(diags);
            return false;
        }
        var current = BackendRecord.Of(factory, decoded);
        var recorded = BackendRecord.Read(ctx.WorkingDirectory);
        var created = factory.Create(decoded, TimeProvider.System);
        if (created.Backend is null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Invalid backend configuration", created.Error!, config?.DeclRange)]);
            return false;
        }
        await using var target = created.Backend;
        try
        {
            await target.ListWorkspacesAsync(ct).ConfigureAwait(false); // reachable, credentials accepted
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to initialise the backend", ex.Message, config?.DeclRange)]);
            return false;
        }

        // Where the state was until now: the recorded backend, or the default local files for a directory that never
        // recorded one.
        var previous = recorded ?? BackendRecord.DefaultLocal;
        if (!previous.SameAs(current))
        {
            var source = OpenRecorded(ctx, previous, env);
            if (source is null)
                return false;
            await using (source)
            {
                var hasState = await AnyStateAsync(ctx, source, ct).ConfigureAwait(false);
                if (hasState is null)
                    return false;
                if (hasState == true && !reconfigure)
                {
                    if (!migrate)
                    {
                        ctx.WriteDiagnostics([Diagnostic.Error("Backend configuration changed",
                            $"The state is in the {previous} backend and the configuration now says {current}. Run \"provisioner init -migrate-state\" to move every workspace's state there, or \"provisioner init -reconfigure\" to use the new backend without moving anything.",
                            config?.DeclRange)]);
                        return false;
                    }
                    if (!await MigrateAsync(ctx, source, target, cipher, forceCopy, ct).ConfigureAwait(false))
                        return false;
                    ctx.Out.WriteLine($"- Moved the state from the {previous} backend to the {current} backend. The old copies were left in place; delete them once you have checked the new backend.");
                }
            }
        }
        await current.WriteAsync(ctx.WorkingDirectory, ct).ConfigureAwait(false);
        var (workspace, _) = WorkspaceSelection.Current(ctx.WorkingDirectory);
        ctx.Out.WriteLine($"- {factory.Type}: state in {Display(ctx, target.Workspace(workspace).Location)} (workspace \"{workspace}\")");
        return true;
    }

    private static string Display(CliContext ctx, string location) => Path.IsPathRooted(location) ? ctx.DisplayPath(location) : location;

    private static IStateBackend? OpenRecorded(CliContext ctx, BackendRecord record, IReadOnlyDictionary<string, string> env)
    {
        var factory = BackendRegistry.Find(record.Type);
        var created = factory?.Create(new BackendSettings(record.Settings, env, ctx.WorkingDirectory), TimeProvider.System);
        if (created?.Backend is null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Cannot open the previous backend",
                $"This directory was initialised with the {record} backend, which cannot be opened again: {created?.Error ?? "unknown backend type"} (sensitive arguments such as connection strings are read from their environment variables). Use -reconfigure to ignore it.")]);
            return null;
        }
        return created.Backend;
    }

    private static async Task<bool?> AnyStateAsync(CliContext ctx, IStateBackend backend, CancellationToken ct)
    {
        try
        {
            foreach (var ws in await backend.ListWorkspacesAsync(ct).ConfigureAwait(false))
            {
                if (await backend.Workspace(ws).ReadAsync(ct).ConfigureAwait(false) is not null)
                    return true;
            }
            return false;
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Cannot read the previous backend", ex.Message)]);
            return null;
        }
    }

    /// <summary>Copies every workspace's state, holding both workspaces' locks; refuses pending journals and conflicts.</summary>
    internal static async Task<bool> MigrateAsync(CliContext ctx, IStateBackend source, IStateBackend target, IStateCipher? cipher, bool forceCopy, CancellationToken ct)
    {
        try
        {
            foreach (var ws in await source.ListWorkspacesAsync(ct).ConfigureAwait(false))
            {
                var from = source.Workspace(ws);
                var to = target.Workspace(ws);
                var request = LockRequest.ForCurrentProcess("init -migrate-state", CommandLine.Version);
                var fromLock = await from.LockAsync(request, TimeSpan.Zero, ct).ConfigureAwait(false);
                if (fromLock.Lock is null)
                    return Refuse(ctx, $"The state of workspace \"{ws}\" in the old backend is locked by another command" + (fromLock.Holder is null ? "." : ":\n\n" + fromLock.Holder));
                await using (fromLock.Lock)
                {
                    var toLock = await to.LockAsync(request, TimeSpan.Zero, ct).ConfigureAwait(false);
                    if (toLock.Lock is null)
                        return Refuse(ctx, $"The state of workspace \"{ws}\" in the new backend is locked by another command" + (toLock.Holder is null ? "." : ":\n\n" + toLock.Holder));
                    await using (toLock.Lock)
                    {
                        if (await from.Journal.ExistsAsync(ct).ConfigureAwait(false))
                            return Refuse(ctx, $"Workspace \"{ws}\" has the journal of an interrupted apply. Run \"provisioner plan\" with the old backend configuration to recover it first.");
                        var (read, _) = await new StateStore(from, cipher).ReadAsync(ct).ConfigureAwait(false);
                        if (!read.IsSuccess)
                            return Refuse(ctx, read.Error);
                        if (read.Snapshot is null)
                            continue;
                        var existing = await to.ReadAsync(ct).ConfigureAwait(false);
                        var state = read.Snapshot;
                        if (existing is not null && existing.Version == new StateVersion(state.Lineage, state.Serial))
                            continue; // already there
                        if (existing is not null && !forceCopy)
                        {
                            return Refuse(ctx, $"The new backend already holds a state for workspace \"{ws}\" ({existing.Version}), different from the one being moved ({state.Lineage}, serial {state.Serial}). Use -force-copy to overwrite it.");
                        }
                        var w = await new StateStore(to, cipher).WriteAsync(state, existing?.Version, ct).ConfigureAwait(false);
                        if (!w.Written)
                            return Refuse(ctx, $"The state of workspace \"{ws}\" in the new backend changed during the move; run init -migrate-state again.");
                        ctx.Out.WriteLine($"- Workspace \"{ws}\": moved ({state.InstanceCount} resource instance{(state.InstanceCount == 1 ? "" : "s")}, serial {state.Serial}).");
                    }
                }
            }
            return true;
        }
        catch (StateBackendException ex)
        {
            return Refuse(ctx, ex.Message);
        }
    }

    private static bool Refuse(CliContext ctx, string message)
    {
        ctx.WriteDiagnostics([Diagnostic.Error("Failed to migrate the state", message + " Nothing more was moved.")]);
        return false;
    }
}
