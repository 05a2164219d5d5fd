using System.Collections.Concurrent;
using System.Runtime.Versioning;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// The exclusive lock around reading and appending one inventory: a monitor for the threads of this process, and an
/// OS lock on <c>inventory.lock</c> for other processes (released by the kernel when a process dies).
/// </summary>
/// <remarks>
/// <para>On Linux the OS lock is a POSIX record lock (<see cref="FileStream.Lock"/>) on a file handle that stays open:
/// two system calls per lock instead of opening the file each time. POSIX locks belong to the process and vanish when
/// any of its handles on the file is closed, so there is one handle (and one monitor) per directory per process,
/// shared by every <see cref="SimCloud"/> on it and closed when the last one is disposed. Where record locks are not
/// available (macOS), the lock file is opened exclusively instead (a <c>flock</c>).</para>
/// </remarks>
internal sealed class InventoryLock
{
    private static readonly ConcurrentDictionary<string, InventoryLock> Shared = new(StringComparer.Ordinal);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _path;
    private FileStream? _handle;
    private int _users;

    private InventoryLock(string path) => _path = path;

    /// <summary>The process-wide lock of the inventory in <paramref name="directory"/>; call <see cref="Release"/> when done.</summary>
    public static InventoryLock Acquire(string directory)
    {
        var path = Path.Combine(directory, InventoryLog.LockFileName);
        while (true)
        {
            var l = Shared.GetOrAdd(path, p => new InventoryLock(p));
            lock (l)
            {
                // A lock whose last user just left has been removed from the table: take a fresh one.
                if (l._users < 0)
                    continue;
                if (l._handle is null && UseRecordLocks)
                    l._handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
                l._users++;
                return l;
            }
        }
    }

    /// <summary>One user fewer; the last closes the handle.</summary>
    public void Release()
    {
        lock (this)
        {
            if (--_users > 0)
                return;
            _users = -1;
            _handle?.Dispose();
            _handle = null;
            Shared.TryRemove(new KeyValuePair<string, InventoryLock>(_path, this));
        }
    }

    [UnsupportedOSPlatformGuard("macos")]
    private static bool UseRecordLocks => !OperatingSystem.IsMacOS();

    /// <summary>Holds the lock until the result is disposed. Waits for other processes by polling (the OS calls do not block).</summary>
    public Held Enter(CancellationToken ct)
    {
        Monitor.Enter(this);
        try
        {
            var deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
            for (var spins = 0; ; spins++)
            {
                ct.ThrowIfCancellationRequested();
                if (TryLockOs(out var exclusive))
                    return new Held(this, exclusive);
                if (Environment.TickCount64 > deadline)
                    throw new IOException($"Timed out after {Timeout.TotalSeconds:0} s waiting for the inventory lock {_path}.");
                if (spins < 20)
                    Thread.Yield();
                else
                    Thread.Sleep(1);
            }
        }
        catch
        {
            Monitor.Exit(this);
            throw;
        }
    }

    private bool TryLockOs(out FileStream? exclusive)
    {
        exclusive = null;
        try
        {
            if (_handle is not null && UseRecordLocks)
                _handle.Lock(0, 1);
            else
                exclusive = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            return true;
        }
        catch (IOException e) when (e is not DirectoryNotFoundException and not FileNotFoundException)
        {
            return false;
        }
    }

    private void Exit(FileStream? exclusive)
    {
        try
        {
            if (exclusive is not null)
                exclusive.Dispose();
            else if (UseRecordLocks)
                _handle!.Unlock(0, 1);
        }
        finally
        {
            Monitor.Exit(this);
        }
    }

    /// <summary>The lock, held.</summary>
    public readonly struct Held(InventoryLock owner, FileStream? exclusive) : IDisposable
    {
        public void Dispose() => owner.Exit(exclusive);
    }
}
