namespace Provisioner.State;

/// <summary>
/// The default local state: <c>provisioner.state.json</c> next to the configuration, replaced atomically, with the
/// previous version kept as <c>provisioner.state.json.backup</c>.
/// </summary>
/// <remarks>
/// A write goes to a temporary sibling file (mode 0600: state holds secrets), is flushed to disk, then renamed over
/// the state file, and the directory is synced; so after a crash at any moment the file is either the old version or
/// the new one, never a mix.
/// </remarks>
public sealed class LocalStateFile(string path)
{
    public const string DefaultFileName = "provisioner.state.json";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string BackupPath => Path + ".backup";

    public bool Exists => File.Exists(Path);

    /// <summary>Reads the state; a missing file is an empty result (no snapshot, no error).</summary>
    public async Task<StateReadResult> ReadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path))
            return new StateReadResult(null, null);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(Path, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return new StateReadResult(null, $"Cannot read the state file {Path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return new StateReadResult(null, $"Cannot read the state file {Path}: {ex.Message}");
        }
        var result = StateJson.Read(bytes);
        return result.IsSuccess ? result : result with { Error = $"{Path}: {result.Error}" + BackupHint() };
    }

    private string BackupHint() =>
        File.Exists(BackupPath) ? $" The previous version is in {BackupPath}." : "";

    /// <summary>Writes <paramref name="state"/> atomically (mode 0600), keeping the current file as the backup.</summary>
    /// <remarks>The state is written as given: the caller sets <see cref="StateSnapshot.Serial"/>.</remarks>
    public Task WriteAsync(StateSnapshot state, CancellationToken ct) =>
        AtomicFile.WriteAllBytesAsync(Path, StateJson.Serialize(state), UnixFileMode.UserRead | UnixFileMode.UserWrite, BackupPath, ct);
}
