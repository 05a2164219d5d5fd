using System.Text.Json;

namespace Provisioner.State.Locking;

/// <summary>
/// The local state's lock: an exclusive OS lock (<c>flock</c>) on <c>STATE.lock</c>, with the holder's
/// <see cref="LockInfo"/> in <c>STATE.lock.info</c> (a separate file, so others can read it while the lock is held). The operating system releases the lock when the holding process exits, even
/// when it is killed, so a local lock never goes stale; the info file left behind by a killed holder is simply
/// overwritten by the next one.
/// </summary>
public sealed class LocalStateLock : IDisposable
{
    private FileStream? _stream;
    private string? _infoPath;

    private LocalStateLock(FileStream stream, LockInfo info)
    {
        _stream = stream;
        Info = info;
    }

    public LockInfo Info { get; }

    public static string LockPathFor(string statePath) => statePath + ".lock";

    public static string InfoPathFor(string statePath) => statePath + ".lock.info";

    /// <summary>
    /// Takes the lock, retrying until <paramref name="timeout"/> (zero: one attempt). On refusal returns the current
    /// holder's info (when readable) instead of a lock.
    /// </summary>
    public static Task<(LocalStateLock? Lock, LockInfo? Holder)> AcquireAsync(string statePath, string operation, string version,
        TimeSpan timeout, TimeProvider time, CancellationToken ct) =>
        AcquireAsync(statePath, Backends.LockRequest.ForCurrentProcess(operation, version), timeout, time, ct);

    /// <summary>
    /// Takes the lock for <paramref name="request"/>, retrying until <paramref name="timeout"/> (zero: one attempt). On
    /// refusal returns the current holder's info (when readable) instead of a lock.
    /// </summary>
    public static async Task<(LocalStateLock? Lock, LockInfo? Holder)> AcquireAsync(string statePath, Backends.LockRequest request,
        TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = LockPathFor(System.IO.Path.GetFullPath(statePath));
        var deadline = time.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            FileStream? fs = null;
            try
            {
                // FileShare.None is an exclusive flock on Unix: released by the kernel when this process ends.
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                fs = new FileStream(path, options);
                var info = new LockInfo(Guid.NewGuid().ToString("D"), request.Operation, request.Who,
                    request.Version, time.GetUtcNow(), statePath, request.Pid);
                var infoPath = InfoPathFor(System.IO.Path.GetFullPath(statePath));
                await AtomicFile.WriteAllBytesAsync(infoPath, JsonSerializer.SerializeToUtf8Bytes(info, LockInfoJsonContext.Default.LockInfo),
                    UnixFileMode.UserRead | UnixFileMode.UserWrite, null, ct).ConfigureAwait(false);
                return (new LocalStateLock(fs, info) { _infoPath = infoPath }, null);
            }
            catch (IOException)
            {
                if (fs is not null)
                    await fs.DisposeAsync().ConfigureAwait(false);
                if (time.GetUtcNow() >= deadline)
                    return (null, ReadHolder(InfoPathFor(System.IO.Path.GetFullPath(statePath))));
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
            }
        }
    }

    /// <summary>The info recorded by the current (or last) holder, or null.</summary>
    public static LockInfo? ReadHolder(string infoPath)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(infoPath), LockInfoJsonContext.Default.LockInfo);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>force-unlock ID</c>: removes a lock left by a holder that is gone. A lock held by a running process cannot be
    /// broken (the OS holds it): the result says so, naming the holder.
    /// </summary>
    public static string? ForceUnlock(string statePath, string id)
    {
        var full = System.IO.Path.GetFullPath(statePath);
        var path = LockPathFor(full);
        var holder = ReadHolder(InfoPathFor(full));
        if (holder is null)
            return "No lock found: the state is not locked.";
        if (!string.Equals(holder.Id, id, StringComparison.Ordinal))
            return $"The lock ID \"{id}\" does not match the current lock (ID {holder.Id}).";
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return $"The lock is held by a running process (PID {holder.Pid}, {holder.Who}, operation {holder.Operation}); stop that process instead. A local lock is released automatically when its holder exits.";
        }
        File.Delete(InfoPathFor(full));
        File.Delete(path);
        return null;
    }

    /// <summary>
    /// What a killed holder leaves behind: the OS lock is released but the info file stays (tests of force-unlock and
    /// of lock recovery use this to stand in for a dead process).
    /// </summary>
    internal void Abandon()
    {
        _infoPath = null;
        Dispose();
    }

    public void Dispose()
    {
        var fs = Interlocked.Exchange(ref _stream, null);
        if (fs is null)
            return;
        try
        {
            if (_infoPath is not null)
                File.Delete(_infoPath);
        }
        catch (IOException)
        {
        }
        fs.Dispose();
    }
}
