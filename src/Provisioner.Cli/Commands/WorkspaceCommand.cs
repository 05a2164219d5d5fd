using System.CommandLine;
using Provisioner.Cli.Backends;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;
using Provisioner.State.Backends;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner workspace list|show|new|select|delete</c>: several states for one configuration (Terraform's
/// workspaces), each with its own state, journal and lock, in whatever backend is configured.
/// </summary>
internal static class WorkspaceCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("workspace", "Workspace management: several states for one configuration.");

        var list = new Command("list", "List workspaces; the selected one is marked with *.");
        list.SetAction((r, ct) => ListCommandAsync(context(r), ct));
        cmd.Subcommands.Add(list);

        var show = new Command("show", "Show the name of the selected workspace.");
        show.SetAction((r, ct) => Task.FromResult(Show(context(r))));
        cmd.Subcommands.Add(show);

        var newName = new Argument<string>("NAME") { Description = "The new workspace's name." };
        var newCmd = new Command("new", "Create a new workspace and select it.");
        newCmd.Arguments.Add(newName);
        newCmd.SetAction((r, ct) => NewAsync(context(r), r.GetValue(newName)!, ct));
        cmd.Subcommands.Add(newCmd);

        var selName = new Argument<string>("NAME") { Description = "The workspace to select." };
        var orCreate = new Option<bool>("-or-create", "--or-create") { Description = "Create the workspace if it does not exist." };
        var select = new Command("select", "Select a workspace.");
        select.Arguments.Add(selName);
        select.Options.Add(orCreate);
        select.SetAction((r, ct) => SelectAsync(context(r), r.GetValue(selName)!, r.GetValue(orCreate), ct));
        cmd.Subcommands.Add(select);

        var delName = new Argument<string>("NAME") { Description = "The workspace to delete." };
        var force = new Option<bool>("-force", "--force") { Description = "Delete even if the workspace's state still records resources (they are not destroyed, only forgotten)." };
        var delete = new Command("delete", "Delete a workspace (its state must be empty unless -force).");
        delete.Arguments.Add(delName);
        delete.Options.Add(force);
        delete.SetAction((r, ct) => DeleteAsync(context(r), r.GetValue(delName)!, r.GetValue(force), ct));
        cmd.Subcommands.Add(delete);
        return cmd;
    }

    private static async Task<int> ListCommandAsync(CliContext ctx, CancellationToken ct)
    {
        var (access, names) = await ListAsync(ctx, ct).ConfigureAwait(false);
        if (access is null || names is null)
            return 1;
        foreach (var n in names)
            ctx.Out.WriteLine((n == access.Workspace ? "* " : "  ") + n);
        if (!names.Contains(access.Workspace))
            ctx.Out.WriteLine("* " + access.Workspace + " (selected, holds no state yet)");
        return 0;
    }

    private static int Show(CliContext ctx)
    {
        ctx.Out.WriteLine(WorkspaceSelection.Current(ctx.WorkingDirectory).Name);
        return 0;
    }

    private static bool CheckName(CliContext ctx, string name)
    {
        if (Workspaces.IsValidName(name))
            return true;
        ctx.WriteDiagnostics([Diagnostic.Error("Invalid workspace name",
            $"The workspace name \"{name}\" is not allowed: use letters, digits, '-', '_' and '.', starting with a letter or digit, at most 90 characters.")]);
        return false;
    }

    private static bool RefuseEnvOverride(CliContext ctx)
    {
        if (Environment.GetEnvironmentVariable(WorkspaceSelection.EnvironmentVariable) is not { Length: > 0 } env)
            return false;
        ctx.WriteDiagnostics([Diagnostic.Error("Workspace overridden",
            $"The selected workspace is currently overridden by the {WorkspaceSelection.EnvironmentVariable} environment variable (\"{env}\"). Unset it to select workspaces with this command.")]);
        return true;
    }

    private static async Task<int> NewAsync(CliContext ctx, string name, CancellationToken ct)
    {
        if (!CheckName(ctx, name) || RefuseEnvOverride(ctx))
            return 1;
        var access = StateAccess.Open(ctx, null);
        if (access is null)
            return 1;
        try
        {
            if ((await access.Backend.ListWorkspacesAsync(ct).ConfigureAwait(false)).Contains(name))
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Workspace already exists", $"Workspace \"{name}\" already exists. Select it with \"provisioner workspace select {name}\".")]);
                return 1;
            }
            // A workspace exists once it holds a state: an empty one with a fresh lineage.
            var empty = StateSnapshot.New();
            empty.ProvisionerVersion = CommandLine.Version;
            var written = await access.StoreFor(name).WriteAsync(empty, null, ct).ConfigureAwait(false);
            if (!written.Written)
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Workspace already exists", $"Workspace \"{name}\" was created by another command meanwhile.")]);
                return 1;
            }
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to create the workspace", ex.Message)]);
            return 1;
        }
        await WorkspaceSelection.SelectAsync(ctx.WorkingDirectory, name, ct).ConfigureAwait(false);
        ctx.Out.WriteLine($"Created and switched to workspace \"{name}\"!");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("You're now on a new, empty workspace. Workspaces isolate their state,");
        ctx.Out.WriteLine("so if you run \"provisioner plan\" Provisioner will not see any existing state");
        ctx.Out.WriteLine("for this configuration.");
        return 0;
    }

    /// <summary>Opens the backend and lists its workspaces; nulls (with the error written) when either fails.</summary>
    private static async Task<(StateAccess? Access, IReadOnlyList<string>? Names)> ListAsync(CliContext ctx, CancellationToken ct)
    {
        var access = StateAccess.Open(ctx, null);
        if (access is null)
            return (null, null);
        try
        {
            return (access, await access.Backend.ListWorkspacesAsync(ct).ConfigureAwait(false));
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to list workspaces", ex.Message)]);
            return (access, null);
        }
    }

    private static async Task<int> SelectAsync(CliContext ctx, string name, bool orCreate, CancellationToken ct)
    {
        if (!CheckName(ctx, name) || RefuseEnvOverride(ctx))
            return 1;
        var (access, names) = await ListAsync(ctx, ct).ConfigureAwait(false);
        if (access is null || names is null)
            return 1;
        if (!names.Contains(name))
        {
            if (orCreate)
                return await NewAsync(ctx, name, ct).ConfigureAwait(false);
            ctx.WriteDiagnostics([Diagnostic.Error("Workspace doesn't exist",
                $"Workspace \"{name}\" doesn't exist. Create it with \"provisioner workspace new {name}\" (or select -or-create). Existing workspaces: {string.Join(", ", names)}.")]);
            return 1;
        }
        await WorkspaceSelection.SelectAsync(ctx.WorkingDirectory, name, ct).ConfigureAwait(false);
        ctx.Out.WriteLine($"Switched to workspace \"{name}\".");
        return 0;
    }

    private static async Task<int> DeleteAsync(CliContext ctx, string name, bool force, CancellationToken ct)
    {
        if (!CheckName(ctx, name))
            return 1;
        if (name == Workspaces.Default)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Cannot delete the default workspace", "The \"default\" workspace always exists and cannot be deleted.")]);
            return 1;
        }
        var access = StateAccess.Open(ctx, null);
        if (access is null)
            return 1;
        if (access.Workspace == name)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Cannot delete the selected workspace",
                $"Workspace \"{name}\" is selected. Select another one first (\"provisioner workspace select default\").")]);
            return 1;
        }
        try
        {
            if (!(await access.Backend.ListWorkspacesAsync(ct).ConfigureAwait(false)).Contains(name))
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Workspace doesn't exist", $"Workspace \"{name}\" doesn't exist.")]);
                return 1;
            }
            var storage = access.Backend.Workspace(name);
            var held = await storage.LockAsync(LockRequest.ForCurrentProcess("workspace delete", CommandLine.Version), TimeSpan.Zero, ct).ConfigureAwait(false);
            if (held.Lock is null)
            {
                ctx.WriteDiagnostics([Diagnostic.Error("Error acquiring the state lock",
                    $"Workspace \"{name}\" is locked by another command" + (held.Holder is null ? "." : ":\n\n" + held.Holder))]);
                return 1;
            }
            await using (held.Lock)
            {
                if (await storage.Journal.ExistsAsync(ct).ConfigureAwait(false))
                {
                    ctx.WriteDiagnostics([Diagnostic.Error("Interrupted apply not yet recovered",
                        $"Workspace \"{name}\" has the journal of an interrupted apply. Select it and run \"provisioner plan\" to recover, then delete it.")]);
                    return 1;
                }
                var (read, _) = await access.StoreFor(name).ReadAsync(ct).ConfigureAwait(false);
                if (!force && read.Snapshot is { } s && !s.IsEmpty)
                {
                    ctx.WriteDiagnostics([Diagnostic.Error("Workspace is not empty",
                        $"Workspace \"{name}\" still records {s.InstanceCount} resource instance{(s.InstanceCount == 1 ? "" : "s")}. Destroy them first (select it and run \"provisioner destroy\"), or use -force to forget them: the real objects would then be left running, unmanaged.")]);
                    return 1;
                }
            }
            await access.Backend.DeleteWorkspaceAsync(name, ct).ConfigureAwait(false);
        }
        catch (StateBackendException ex)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Failed to delete the workspace", ex.Message)]);
            return 1;
        }
        ctx.Out.WriteLine($"Deleted workspace \"{name}\"!");
        return 0;
    }
}
