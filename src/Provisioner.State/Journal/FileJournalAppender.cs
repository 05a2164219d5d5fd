using Provisioner.State.Backends;

namespace Provisioner.State.Journal;

/// <summary>
/// The local journal file (JSON lines, mode 0600) as an <see cref="IJournalAppender"/>: each record is one line written
/// with one <c>write</c> call at the end of the file, so a writer killed mid-append leaves at most a torn last line;
/// <see cref="Flush"/> is an fsync shared by every record written before it (group commit).
/// </summary>
public sealed class FileJournalAppender : IJournalAppender
{
    private readonly FileStream _stream;
    private readonly Lock _lock = new();
    private readonly Lock _syncLock = new();
    private long _written;
    private long _synced;
    private bool _disposed;

    private FileJournalAppender(FileStream stream) => _stream = stream;

    /// <summary>Opens (creating, mode 0600, and syncing the directory when new) the journal file for appending.</summary>
    public static FileJournalAppender Open(string path)
    {
        var full = Path.GetFullPath(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var existed = File.Exists(full);
        var stream = new FileStream(full, options);
        if (!existed)
            AtomicFile.FsyncDirectory(Path.GetDirectoryName(full)!);
        return new FileJournalAppender(stream);
    }

    public long Write(ReadOnlySpan<byte> record)
    {
        var line = new byte[record.Length + 1];
        record.CopyTo(line);
        line[^1] = (byte)'\n';
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Write(line);
            return ++_written;
        }
    }

    public void Flush(long through)
    {
        if (Volatile.Read(ref _synced) >= through)
            return;
        lock (_syncLock)
        {
            if (_synced >= through)
                return;
            long target;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                target = _written;
            }
            RandomAccess.FlushToDisk(_stream.SafeFileHandle);
            Volatile.Write(ref _synced, target);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
        }
    }
}
