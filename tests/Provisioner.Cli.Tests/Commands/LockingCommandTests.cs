using Provisioner.State.Locking;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>State locking: plan/apply refuse a held lock naming the holder, wait with -lock-timeout, skip with -lock=false; force-unlock.</summary>
public sealed class LockingCommandTests
{
    [Fact]
    public async Task HeldLockRefusesApplyAndNamesTheHolder()
    {
        using var ws = PlanApplyWorkspace.Create();
        var (held, _) = await LocalStateLock.AcquireAsync(ws.StatePath, "apply", "test", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        using (held)
        {
            var r = await ws.Run("apply", "-auto-approve");
            Assert.Equal(1, r.Code);
            Assert.Contains("Error acquiring the state lock", r.Err);
            Assert.Contains(held!.Info.Id, r.Err);
            Assert.False(File.Exists(ws.StatePath));

            var plan = await ws.Run("plan", "-lock=false");
            Assert.Equal(0, plan.Code);
        }
        await ws.Ok("plan");
    }

    [Fact]
    public async Task LockTimeoutWaitsForTheHolder()
    {
        using var ws = PlanApplyWorkspace.Create();
        var (held, _) = await LocalStateLock.AcquireAsync(ws.StatePath, "apply", "test", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            held!.Dispose();
        });
        var r = await ws.Run("plan", "-lock-timeout=30s");
        await release;
        Assert.Equal(0, r.Code);
        var bad = await ws.Run("plan", "-lock-timeout=soon");
        Assert.Equal(1, bad.Code);
        Assert.Contains("Invalid -lock-timeout value", bad.Err);
    }

    [Fact]
    public async Task ForceUnlockNeedsTheRightIdAndNeverBreaksALiveLock()
    {
        using var ws = PlanApplyWorkspace.Create();
        var (held, _) = await LocalStateLock.AcquireAsync(ws.StatePath, "apply", "test", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        using (held)
        {
            var wrong = await ws.Run("force-unlock", "-force", "nope");
            Assert.Equal(1, wrong.Code);
            Assert.Contains("does not match", wrong.Err);
            var live = await ws.Run("force-unlock", "-force", held!.Info.Id);
            Assert.Equal(1, live.Code);
            Assert.Contains("running process", live.Err);
            var noForce = await ws.Run("force-unlock", held.Info.Id);
            Assert.Equal(1, noForce.Code);
        }
    }

    [Fact]
    public async Task StateCommandsThatWriteAreRefusedWhileLocked()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        var before = await File.ReadAllBytesAsync(ws.StatePath);
        var (held, _) = await LocalStateLock.AcquireAsync(ws.StatePath, "apply", "test", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        using (held)
        {
            var rm = await ws.Run("state", "rm", "sim_network.main");
            Assert.Equal(1, rm.Code);
            Assert.Contains("Error acquiring the state lock", rm.Err);
            var mv = await ws.Run("state", "mv", "sim_network.main", "sim_network.other");
            Assert.Equal(1, mv.Code);
            Assert.Equal(before, await File.ReadAllBytesAsync(ws.StatePath));
            // Reading needs no lock.
            Assert.Equal(0, (await ws.Run("state", "list")).Code);
        }
    }

    [Fact]
    public async Task StateEditsWaitUntilAnInterruptedApplyIsRecovered()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        var journal = Provisioner.State.Journal.JournalFile.PathFor(ws.StatePath);
        await File.WriteAllTextAsync(journal, "");
        var before = await File.ReadAllBytesAsync(ws.StatePath);
        var rm = await ws.Run("state", "rm", "sim_network.main");
        Assert.Equal(1, rm.Code);
        Assert.Contains("Interrupted apply not yet recovered", rm.Err);
        Assert.Equal(before, await File.ReadAllBytesAsync(ws.StatePath));
    }
}
