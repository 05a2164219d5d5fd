using Provisioner.State.Journal;
using Provisioner.State.Locking;

namespace Provisioner.State.Backends.Local;

/// <summary>
/// One local workspace: the state file (atomic replace, backup, mode 0600), its OS lock (<see cref="LocalStateLock"/>)
/// and its journal file (<c>STATE.journal</c>).
/// </summary>
/// <remarks>
/// Compare-and-swap: the check of the stored version and the rename run under a short exclusive lock of their own
/// (<c>STATE.write.lock</c>), so two writers that both skipped the state lock (<c>-lock=false</c>) cannot both win.
/// </remarks>
public sealed class LocalStateStorage(string workspace, string statePath) : IStateStorage
{
    private readonly LocalStateFile _file = new(statePath);

    public string Workspace { get; } = workspace;

    /// <summary>The state file.</summary>
    public string Path => _file.Path;

    public string Location => _file.Path;

    public string? PreviousVersionHint => File.Exists(_file.BackupPath) ? $"The previous version is in {_file.BackupPath}." : null;

    public IJournalStorage Journal => new LocalJournalStorage(JournalFile.PathFor(_file.Path));

    public async Task<StoredState?> ReadAsync(CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(_file.Path))
                return null;
            bytes = await File.ReadAllBytesAsync(_file.Path, ct).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateBackendException($"Cannot read the state file {_file.Path}: {ex.Message}", ex);
        }
        return new StoredState(StoredStateHeader.TryRead(bytes) ?? StoredState.Unreadable, bytes);
    }

    public async Task<StateWriteResult> WriteAsync(StoredState state, StateVersion? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_file.Path)!);
            using var guard = await WriteGuardAsync(ct).ConfigureAwait(false);
            StateVersion? current = null;
            if (File.Exists(_file.Path))
                current = await ReadVersionAsync(ct).ConfigureAwait(false);
            if (current != expected)
                return StateWriteResult.Stale(current);
            await AtomicFile.WriteAllBytesAsync(_file.Path, state.Bytes.ToArray(), UnixFileMode.UserRead | UnixFileMode.UserWrite,
                _file.BackupPath, ct).ConfigureAwait(false);
            return StateWriteResult.Success(state.Version);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateBackendException($"Cannot write the state file {_file.Path}: {ex.Message} The previous state is unchanged.", ex);
        }
    }

    /// <summary>The stored version, from the file's first bytes (the header comes first; the rest is not read).</summary>
    private async Task<StateVersion> ReadVersionAsync(CancellationToken ct)
    {
        await using (var fs = new FileStream(_file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true))
        {
            var prefix = new byte[(int)Math.Min(fs.Length, 64 * 1024)];
            await fs.ReadExactlyAsync(prefix, ct).ConfigureAwait(false);
            if (StoredStateHeader.TryRead(prefix, isFinalBlock: prefix.Length == fs.Length) is { } version)
                return version;
        }
        return StoredStateHeader.TryRead(await File.ReadAllBytesAsync(_file.Path, ct).ConfigureAwait(false)) ?? StoredState.Unreadable;
    }

    private async Task<FileStream> WriteGuardAsync(CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var delay = 5;
        while (true)
        {
            try
            {
                return new FileStream(_file.Path + ".write.lock", options);
            }
            catch (IOException) when (!ct.IsCancellationRequested && delay < 60_000)
            {
                // Another writer is between its check and its rename: a few milliseconds.
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 200) + 1;
            }
        }
    }

    public async Task<LockResult> LockAsync(LockRequest request, TimeSpan timeout, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_file.Path)!);
        var (taken, holder) = await LocalStateLock.AcquireAsync(_file.Path, request, timeout, TimeProvider.System, ct).ConfigureAwait(false);
        return new LockResult(taken is null ? null : new LocalLockHandle(taken), holder);
    }

    public Task<string?> ForceUnlockAsync(string id, CancellationToken ct) => Task.FromResult(LocalStateLock.ForceUnlock(_file.Path, id));
}
