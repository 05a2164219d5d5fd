using System.Diagnostics;
using Provisioner.State.Locking;

namespace Provisioner.State.Tests.Locking;

public sealed class LocalStateLockTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pv-lock-" + Guid.NewGuid().ToString("N"));

    public LocalStateLockTests() => Directory.CreateDirectory(_dir);

    private string StatePath => Path.Combine(_dir, "provisioner.state.json");

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public async Task SecondHolderIsRefusedWithTheFirstHoldersInfo()
    {
        var (first, _) = await LocalStateLock.AcquireAsync(StatePath, "apply", "0.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(first);
        using (first)
        {
            var (second, holder) = await LocalStateLock.AcquireAsync(StatePath, "plan", "0.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
            Assert.Null(second);
            Assert.NotNull(holder);
            Assert.Equal(first!.Info.Id, holder!.Id);
            Assert.Equal("apply", holder.Operation);
            Assert.Equal(Environment.ProcessId, holder.Pid);
        }
        var (third, _) = await LocalStateLock.AcquireAsync(StatePath, "plan", "0.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(third);
        third!.Dispose();
        Assert.False(File.Exists(LocalStateLock.InfoPathFor(StatePath)));
    }

    [Fact]
    public async Task WaitingHolderGetsTheLockWhenItIsReleasedWithinTheTimeout()
    {
        var (first, _) = await LocalStateLock.AcquireAsync(StatePath, "apply", "0.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        _ = Task.Run(async () =>
        {
            await Task.Delay(200);
            first!.Dispose();
        });
        var (second, _) = await LocalStateLock.AcquireAsync(StatePath, "plan", "0.1.0", TimeSpan.FromSeconds(20), TimeProvider.System, CancellationToken.None);
        Assert.NotNull(second);
        second!.Dispose();
    }

    [Fact]
    public async Task ForceUnlockRefusesALiveHolderAndWrongIds()
    {
        var (held, _) = await LocalStateLock.AcquireAsync(StatePath, "apply", "0.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        using (held)
        {
            Assert.Contains("does not match", LocalStateLock.ForceUnlock(StatePath, "nope"));
            Assert.Contains("running process", LocalStateLock.ForceUnlock(StatePath, held!.Info.Id));
        }
        Assert.Contains("not locked", LocalStateLock.ForceUnlock(StatePath, "x"));
    }

    [Fact]
    public async Task AKilledHoldersLockIsFreeAndItsInfoCanBeForceUnlocked()
    {
        // A stand-in holder: flock(1) takes the same OS lock, then the process is killed with SIGKILL.
        var lockPath = LocalStateLock.LockPathFor(Path.GetFullPath(StatePath));
        await File.WriteAllTextAsync(LocalStateLock.InfoPathFor(Path.GetFullPath(StatePath)),
            """{"ID":"dead-1","Operation":"apply","Who":"x@y","Version":"0","Created":"2026-01-01T00:00:00+00:00","Path":"p","Pid":1}""");
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-x", "--no-fork", lockPath, "sleep", "60"]) { UseShellExecute = false })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var (probe, _) = await LocalStateLock.AcquireAsync(StatePath, "plan", "0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
            if (probe is null)
                break;
            probe.Dispose();
            await File.WriteAllTextAsync(LocalStateLock.InfoPathFor(Path.GetFullPath(StatePath)),
                """{"ID":"dead-1","Operation":"apply","Who":"x@y","Version":"0","Created":"2026-01-01T00:00:00+00:00","Path":"p","Pid":1}""");
            await Task.Delay(50);
        }
        var (refused, info) = await LocalStateLock.AcquireAsync(StatePath, "plan", "0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.Null(refused);
        Assert.Equal("dead-1", info!.Id);
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        // The kernel releases the lock once the holder is gone (with --no-fork flock(1) is the only holder).
        string? unlock = "not tried";
        for (var i = 0; i < 100 && unlock is not null; i++)
        {
            unlock = LocalStateLock.ForceUnlock(StatePath, "dead-1");
            if (unlock is not null)
                await Task.Delay(50);
        }
        Assert.Null(unlock);
        var (taken, _) = await LocalStateLock.AcquireAsync(StatePath, "plan", "0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(taken);
        taken!.Dispose();
    }
}
