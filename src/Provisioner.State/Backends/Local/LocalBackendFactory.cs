namespace Provisioner.State.Backends.Local;

/// <summary><c>backend "local" { path = "...", workspace_dir = "..." }</c>, Terraform's local backend arguments.</summary>
public sealed class LocalBackendFactory : IStateBackendFactory
{
    public string Type => "local";

    public IReadOnlyList<BackendArgument> Arguments { get; } =
    [
        new("path", BackendArgumentType.String, $"The default workspace's state file (default {LocalStateFile.DefaultFileName})."),
        new("workspace_dir", BackendArgumentType.String, $"The directory of the other workspaces' states (default {LocalBackend.DefaultWorkspaceDirectory})."),
    ];

    public BackendCreateResult Create(BackendSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.String("path") ?? LocalStateFile.DefaultFileName;
        var dir = settings.String("workspace_dir") ?? LocalBackend.DefaultWorkspaceDirectory;
        if (path.Length == 0)
            return BackendCreateResult.Invalid("The \"path\" argument must not be empty.");
        if (dir.Length == 0)
            return BackendCreateResult.Invalid("The \"workspace_dir\" argument must not be empty.");
        return BackendCreateResult.Ok(new LocalBackend(
            Path.Combine(settings.WorkingDirectory, path), Path.Combine(settings.WorkingDirectory, dir)));
    }
}
