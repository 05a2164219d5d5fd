using System.Diagnostics;
using Provisioner.Cli.Tests.Commands;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>
/// The crash test of issue 4, for one backend: a separate <c>provisioner</c> process applies 200 sim machines with
/// latency and is killed with SIGKILL at 20 random moments (during start-up, recovery, planning or the apply itself:
/// some kills wait for a random number of machines to appear in the simulated cloud, others for a random time);
/// <c>apply</c> runs again after each kill. At the end the cloud holds exactly the desired machines, each recorded
/// once in state, every intermediate state loaded, and a final plan has no changes. Each run waits for the lock
/// (<c>-lock-timeout</c>): a remote backend's lease outlives its killed holder for up to its time-to-live. A variant sets the sim's
/// <c>consistency_delay_ms</c>, so a machine created just before a kill is invisible to reads for a while.
/// </summary>
public abstract class CrashRecoveryScenario : IDisposable
{
    protected const int Machines = 200;
    private const int Kills = 20;

    protected PlanApplyWorkspace Workspace { get; } = PlanApplyWorkspace.Create("fleet");

    public virtual void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Configures the backend (a backend block and <c>init</c>); nothing for the default local backend.</summary>
    protected abstract Task PrepareBackendAsync();

    /// <summary>Checks that what a killed run left (state, journal) loads without error.</summary>
    protected abstract Task CheckLoadableAsync(string round);

    private string InventoryLog => Path.Combine(Workspace.InventoryDir, "inventory.jsonl");

    private static string[] ApplyArgs(int consistencyDelayMs, int machines = Machines) =>
        ["apply", "-auto-approve", "-no-color", "-input=false", "-lock-timeout=60s", "-parallelism", "10", "-var", $"machines={machines}", "-var", "latency_ms=40",
         "-var", $"consistency_delay_ms={consistencyDelayMs}"];

    /// <summary>Runs the scenario: 20 kills, then a run to the end, then the checks.</summary>
    protected async Task RunAsync(int consistencyDelayMs, int seed)
    {
        await PrepareBackendAsync();
        var random = new Random(seed);
        var kills = 0;
        var sawRecovery = false;
        var log = new System.Text.StringBuilder();
        // When a run gets to the end before its kill, the next runs go the other way (every machine destroyed, then
        // created again), so every kill lands on work in progress: creates and deletes alike.
        var desired = Machines;
        for (var round = 0; kills < Kills && round < Kills * 3; round++)
        {
            // Half the kills wait for a few more machines in the cloud (inside the apply); the others hit a random
            // moment from start-up on (loading, recovery, refresh, planning or applying).
            var byMachines = random.Next(2) == 0;
            var machines = random.Next(1, 8);
            var delay = TimeSpan.FromMilliseconds(random.Next(100, 2500));
            var (output, killed) = await RunAndKillAsync(ApplyArgs(consistencyDelayMs, desired), byMachines ? machines : null, delay);
            if (killed)
                kills++;
            else if (output.Contains("Apply complete!", StringComparison.Ordinal) || output.Contains("No changes", StringComparison.Ordinal))
                desired = desired == 0 ? Machines : 0;
            sawRecovery |= output.Contains("Recovered ", StringComparison.Ordinal) || output.Contains("finished operation", StringComparison.Ordinal);
            log.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"round {round} ({desired} desired): {(byMachines ? $"after {machines} machines" : $"after {delay.TotalMilliseconds} ms")}, killed {killed}, output ends: {output[Math.Max(0, output.Length - 200)..]}\n");
            await CheckLoadableAsync($"round {round}");
        }
        Assert.True(kills >= Kills, $"only {kills} runs were killed\n{log}");

        var final = await Workspace.Run(ApplyArgs(consistencyDelayMs));
        Assert.True(final.Code == 0, final.Out + final.Err + "\n" + log);
        sawRecovery |= final.Out.Contains("Recovered ", StringComparison.Ordinal) || final.Out.Contains("finished operation", StringComparison.Ordinal);
        Assert.True(sawRecovery, "no run recovered anything from a journal\n" + log);

        var cloud = (await Workspace.Inventory()).Machines;
        Assert.Equal(Enumerable.Range(0, Machines).Select(i => $"m-{i}").Order(StringComparer.Ordinal), cloud.Select(m => m.Name).Order(StringComparer.Ordinal));
        var state = await Workspace.StateIds();
        Assert.Equal(Machines, state.Count);
        Assert.Equal(cloud.Select(m => m.Id).Order(StringComparer.Ordinal), state.Values.Order(StringComparer.Ordinal));
        var plan = await Workspace.Run("plan", "-detailed-exitcode", "-no-color", "-var", $"machines={Machines}", "-var", "latency_ms=40",
            "-var", $"consistency_delay_ms={consistencyDelayMs}");
        Assert.True(plan.Code == 0, plan.Out + plan.Err);
    }

    /// <summary>
    /// Runs <c>apply</c> in a child process and SIGKILLs it once <paramref name="moreMachines"/> more machines were
    /// created in the simulated cloud (when given) or after <paramref name="delay"/>. Returns what it printed and
    /// whether it was killed (false when it finished first).
    /// </summary>
    private async Task<(string Output, bool Killed)> RunAndKillAsync(string[] args, int? moreMachines, TimeSpan delay)
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
        var before = Lines(InventoryLog);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // A dedicated thread polls, so a busy thread pool (other tests run in parallel) cannot make it miss the moment.
        var killed = await Task.Factory.StartNew(() =>
        {
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (moreMachines is { } n ? Lines(InventoryLog) - before >= n : clock.Elapsed >= delay)
                {
                    try
                    {
                        p.Kill(); // SIGKILL on Unix
                        return true;
                    }
                    catch (InvalidOperationException)
                    {
                        return false; // it exited just now
                    }
                }
                Thread.Sleep(1);
            }
            return false;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await p.WaitForExitAsync();
        return (await stdout + await stderr, killed);
    }

    private static int Lines(string path)
    {
        try
        {
            return File.ReadAllBytes(path).Count(b => b == (byte)'\n');
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
