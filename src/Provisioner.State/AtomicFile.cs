namespace Provisioner.State;

/// <summary>
/// Replaces a file atomically: the content goes to a temporary sibling file, is flushed to disk, then renamed over
/// the target, and the directory is synced. After a crash at any moment the target holds either the old content or
/// the new one, never a mix. Used for the state file and by <c>fmt</c>.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="content">The complete new content.</param>
    /// <param name="mode">
    /// The Unix permissions of the new file (ignored on Windows); null keeps the mode of the file being replaced, or
    /// the process default for a new file.
    /// </param>
    /// <param name="backupPath">
    /// When set and <paramref name="path"/> exists, the current file is copied here first (with <paramref name="mode"/>
    /// when given).
    /// </param>
    /// <param name="ct">Cancels before the rename; the target is then untouched.</param>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode? mode, string? backupPath, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.None };
        if (!OperatingSystem.IsWindows())
        {
            if (mode is { } m)
                options.UnixCreateMode = m;
            else if (File.Exists(full))
                options.UnixCreateMode = File.GetUnixFileMode(full);
        }
        try
        {
            await using (var fs = new FileStream(tmp, options))
            {
                await fs.WriteAsync(content, ct).ConfigureAwait(false);
                fs.Flush(flushToDisk: true);
            }
            ct.ThrowIfCancellationRequested();
            if (backupPath is not null && File.Exists(full))
            {
                File.Copy(full, backupPath, overwrite: true);
                if (mode is { } m && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(backupPath, m);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
        FsyncDirectory(dir);
    }

    internal static void FsyncDirectory(string dir)
    {
        if (OperatingSystem.IsWindows())
            return;
        try
        {
            using var handle = File.OpenHandle(dir, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException)
        {
            // Some file systems cannot open directories for syncing; the rename is still atomic.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
