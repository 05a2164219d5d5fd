using System.Diagnostics;
using Provisioner.Cli.Tests.Commands;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>
/// Issue 4's concurrency test, for one backend: 8 processes run <c>apply</c> at once against one state. The lock lets
/// one at a time in (the others wait with <c>-lock-timeout</c>), and no update is lost: each process adds its own
/// machine (<c>-target</c>), and at the end the state records all 8, once each, exactly as the simulated cloud holds
/// them. Also the lease test: a holder killed with SIGKILL does not keep the lock beyond its time-to-live.
/// </summary>
public abstract class ConcurrentApplyScenario : IDisposable
{
    private const int Processes = 8;

    protected PlanApplyWorkspace Workspace { get; } = PlanApplyWorkspace.Create("fleet");

    public virtual void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Configures the backend (a backend block and <c>init</c>); nothing for the default local backend.</summary>
    protected abstract Task PrepareBackendAsync();

    [Fact]
    public async Task EightApplyProcessesAtOnce_OneHoldsTheLockAtATime_NoUpdateLost()
    {
        await PrepareBackendAsync();
        var runs = Enumerable.Range(0, Processes).Select(i => RunAsync(
            "apply", "-auto-approve", "-no-color", "-input=false", "-lock-timeout=300s",
            "-var", $"machines={Processes}", "-var", "latency_ms=30", $"-target=sim_machine.m[{i}]")).ToList();
        var results = await Task.WhenAll(runs);
        foreach (var (code, output) in results)
            Assert.True(code == 0, output);

        var state = await Workspace.StateIds();
        Assert.Equal(Processes, state.Count);
        var cloud = (await Workspace.Inventory()).Machines;
        Assert.Equal(Processes, cloud.Count);
        Assert.Equal(cloud.Select(m => m.Id).Order(StringComparer.Ordinal), state.Values.Order(StringComparer.Ordinal));
        var plan = await Workspace.Run("plan", "-detailed-exitcode", "-no-color", "-var", $"machines={Processes}", "-var", "latency_ms=30");
        Assert.True(plan.Code == 0, plan.Out + plan.Err);
    }

    /// <summary>
    /// The time a killed holder's lock may outlive it: the lease time-to-live for remote backends (their blocks use
    /// 3 s), none for the local OS lock.
    /// </summary>
    protected abstract TimeSpan LeaseTtl { get; }

    [Fact]
    public async Task AKilledHoldersLockIsFreedWithinItsTimeToLive()
    {
        await PrepareBackendAsync();
        var psi = Start("apply", "-auto-approve", "-no-color", "-input=false", "-var", "machines=60", "-var", "latency_ms=200", "-parallelism", "2");
        using var holder = Process.Start(psi)!;
        var drain = Task.WhenAll(holder.StandardOutput.ReadToEndAsync(), holder.StandardError.ReadToEndAsync());
        // Wait until it holds the lock and is applying: its machines appear in the simulated cloud.
        var inventory = Path.Combine(Workspace.InventoryDir, "inventory.jsonl");
        var sw = Stopwatch.StartNew();
        while (!(File.Exists(inventory) && File.ReadAllBytes(inventory).Count(b => b == (byte)'\n') >= 3) && sw.Elapsed < TimeSpan.FromSeconds(120) && !holder.HasExited)
            await Task.Delay(20);
        Assert.False(holder.HasExited, "the holder finished before it could be killed");
        holder.Kill(); // SIGKILL: no chance to release the lock
        await holder.WaitForExitAsync();
        await drain;

        // The next command waits at most the lease's time-to-live (plus a margin for a loaded machine) for the lock.
        var wait = (int)Math.Ceiling((LeaseTtl + TimeSpan.FromSeconds(10)).TotalSeconds);
        var next = await RunAsync("apply", "-auto-approve", "-no-color", "-input=false", $"-lock-timeout={wait}s", "-var", "machines=60", "-var", "latency_ms=0");
        Assert.True(next.Code == 0, next.Output);
        Assert.Equal(60, (await Workspace.StateIds()).Count);
        Assert.Equal(60, (await Workspace.Inventory()).Machines.Count);
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Workspace.Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provisioner.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        return psi;
    }

    protected async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var p = Process.Start(Start(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
