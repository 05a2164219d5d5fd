namespace Provisioner.State.Backends.Local;

/// <summary>
/// The default backend: state files on the local disk. The <c>default</c> workspace is <c>provisioner.state.json</c>
/// (or the <c>path</c> argument, or <c>-state</c>); any other workspace <c>W</c> is
/// <c>provisioner.state.d/W/provisioner.state.json</c> (Terraform's <c>terraform.tfstate.d</c>).
/// </summary>
public sealed class LocalBackend(string defaultStatePath, string workspaceDirectory) : IStateBackend
{
    /// <summary>The directory of non-default workspaces, relative to the working directory.</summary>
    public const string DefaultWorkspaceDirectory = "provisioner.state.d";

    public string Type => "local";

    /// <summary>The state file of the <c>default</c> workspace.</summary>
    public string DefaultStatePath { get; } = Path.GetFullPath(defaultStatePath);

    /// <summary>The directory holding one folder per non-default workspace.</summary>
    public string WorkspaceDirectory { get; } = Path.GetFullPath(workspaceDirectory);

    /// <summary>The state file of <paramref name="workspace"/>.</summary>
    public string StatePathFor(string workspace) => workspace == Workspaces.Default
        ? DefaultStatePath
        : Path.Combine(WorkspaceDirectory, workspace, LocalStateFile.DefaultFileName);

    public Task<IReadOnlyList<string>> ListWorkspacesAsync(CancellationToken ct)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { Workspaces.Default };
        if (Directory.Exists(WorkspaceDirectory))
        {
            foreach (var dir in Directory.EnumerateDirectories(WorkspaceDirectory))
            {
                var name = Path.GetFileName(dir);
                if (Workspaces.IsValidName(name))
                    names.Add(name);
            }
        }
        return Task.FromResult<IReadOnlyList<string>>([.. names]);
    }

    public Task DeleteWorkspaceAsync(string workspace, CancellationToken ct)
    {
        if (workspace == Workspaces.Default)
            throw new InvalidOperationException("The default workspace cannot be deleted.");
        var dir = Path.Combine(WorkspaceDirectory, workspace);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
            AtomicFile.FsyncDirectory(WorkspaceDirectory);
        }
        return Task.CompletedTask;
    }

    public IStateStorage Workspace(string workspace) => new LocalStateStorage(workspace, StatePathFor(workspace));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
