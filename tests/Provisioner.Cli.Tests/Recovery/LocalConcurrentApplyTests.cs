using System.Diagnostics;
using Provisioner.Cli.Tests.Commands;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>The concurrency test with the local backend, and losers without -lock-timeout naming the holder.</summary>
public sealed class LocalConcurrentApplyTests : ConcurrentApplyScenario
{
    protected override Task PrepareBackendAsync() => Task.CompletedTask;

    protected override TimeSpan LeaseTtl => TimeSpan.Zero;

    [Fact]
    public async Task WithoutATimeoutTheLosersFailNamingTheHolder()
    {
        // A holder that keeps the lock for a while: an apply of many slow machines.
        var holder = RunAsync("apply", "-auto-approve", "-no-color", "-input=false", "-var", "machines=40", "-var", "latency_ms=100");
        var lockInfo = Workspace.StatePath + ".lock.info";
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
        Assert.Equal(40, (await Workspace.StateIds()).Count);
    }
}
