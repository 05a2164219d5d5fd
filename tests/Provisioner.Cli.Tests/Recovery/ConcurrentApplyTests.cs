using System.Diagnostics;
using Provisioner.Cli.Tests.Commands;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>
/// Issue 4's concurrency test for the local backend: 8 processes run <c>apply</c> at once against one state. The lock
/// lets one at a time in (the others wait with <c>-lock-timeout</c>, or fail naming the holder without it), and no
/// update is lost: each process adds its own machine (<c>-target</c>), and at the end the state records all 8, once
/// each, exactly as the simulated cloud holds them.
/// </summary>
public sealed class ConcurrentApplyTests : IDisposable
{
    private const int Processes = 8;
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create("fleet");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task EightApplyProcessesAtOnce_OneHoldsTheLockAtATime_NoUpdateLost()
    {
        var runs = Enumerable.Range(0, Processes).Select(i => RunAsync(
            "apply", "-auto-approve", "-no-color", "-input=false", "-lock-timeout=120s",
            "-var", $"machines={Processes}", "-var", "latency_ms=30", $"-target=sim_machine.m[{i}]")).ToList();
        var results = await Task.WhenAll(runs);
        foreach (var (code, output) in results)
            Assert.True(code == 0, output);

        var state = await _ws.StateIds();
        Assert.Equal(Processes, state.Count);
        var cloud = (await _ws.Inventory()).Machines;
        Assert.Equal(Processes, cloud.Count);
        Assert.Equal(cloud.Select(m => m.Id).Order(StringComparer.Ordinal), state.Values.Order(StringComparer.Ordinal));
        var plan = await _ws.Run("plan", "-detailed-exitcode", "-no-color", "-var", $"machines={Processes}", "-var", "latency_ms=30");
        Assert.True(plan.Code == 0, plan.Out + plan.Err);
    }

    [Fact]
    public async Task WithoutATimeoutTheLosersFailNamingTheHolder()
    {
        // A holder that keeps the lock for a while: an apply of many slow machines.
        var holder = RunAsync("apply", "-auto-approve", "-no-color", "-input=false", "-var", "machines=40", "-var", "latency_ms=100");
        var lockInfo = _ws.StatePath + ".lock.info";
        var sw = Stopwatch.StartNew();
        while (!File.Exists(lockInfo) && sw.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(20);
        Assert.True(File.Exists(lockInfo), "the first apply never took the lock");
        var losers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RunAsync(
            "apply", "-auto-approve", "-no-color", "-input=false", "-var", "machines=40", "-var", "latency_ms=100")));
        foreach (var (code, output) in losers)
        {
            Assert.Equal(1, code);
            Assert.Contains("Error acquiring the state lock", output, StringComparison.Ordinal);
            Assert.Contains("Operation: apply", output, StringComparison.Ordinal);
            Assert.Contains("PID:", output, StringComparison.Ordinal);
        }
        var (hcode, houtput) = await holder;
        Assert.True(hcode == 0, houtput);
        Assert.Equal(40, (await _ws.StateIds()).Count);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _ws.Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provisioner.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
