using System.Diagnostics;
using Provisioner.Cli.Tests.Commands;
using Provisioner.State;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>
/// The crash test of issue 4: a separate <c>provisioner</c> process applies 200 sim machines with latency and is
/// killed with SIGKILL in the middle of its apply; <c>apply</c> runs again after each kill. Latency is 40 ms (parallelism
/// 10) so that a whole apply takes about a second and the kills land inside it. At the end the cloud holds
/// exactly the desired machines, each recorded once in state, and a final plan has no changes.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Machines = 200;
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create("fleet");

    public void Dispose() => _ws.Dispose();

    private string JournalPath => _ws.StatePath + ".journal";

    private static readonly string[] ApplyArgs =
        ["apply", "-auto-approve", "-no-color", "-input=false", "-parallelism", "10", "-var", $"machines={Machines}", "-var", "latency_ms=40"];

    [Fact]
    public async Task Apply_KilledWithSigkill5Times_IssueAsks20_CiBudgetAllows5_EndsWithExactlyTheDesiredMachinesOnce()
    {
        var random = new Random(20261122);
        var sawRecovery = false;
        var kills = 0;
        var log = new System.Text.StringBuilder();
        for (var round = 0; round < 5; round++)
        {
            // Kill once the apply has journalled a random number of records (intents and results) of its own.
            var target = random.Next(1, 60);
            var (output, killed) = await RunAndKillAsync(target);
            if (killed)
                kills++;
            log.Append(System.Globalization.CultureInfo.InvariantCulture, $"round {round}: target {target}, killed {killed}, output ends: {output[Math.Max(0, output.Length - 300)..]}\n");
            sawRecovery |= output.Contains("Recovered ", StringComparison.Ordinal) || output.Contains("finished operation", StringComparison.Ordinal);

            // Every intermediate state (and journal) loads without error.
            if (File.Exists(_ws.StatePath))
            {
                var read = StateJson.Read(await File.ReadAllBytesAsync(_ws.StatePath));
                Assert.True(read.IsSuccess, $"round {round}: {read.Error}");
            }
            Assert.True(JournalFile.Read(JournalPath).IsSuccess, $"round {round}: the journal does not read");
        }
        Assert.True(kills >= 3, $"only {kills} of 5 runs were killed during their apply\n{log}");

        // The last run goes to the end.
        var final = await _ws.Run(ApplyArgs);
        Assert.True(final.Code == 0, final.Out + final.Err);
        sawRecovery |= final.Out.Contains("Recovered ", StringComparison.Ordinal) || final.Out.Contains("finished operation", StringComparison.Ordinal);
        Assert.True(sawRecovery, "no run recovered anything from a journal");
        Assert.False(File.Exists(JournalPath));

        var cloud = (await _ws.Inventory()).Machines;
        Assert.Equal(Enumerable.Range(0, Machines).Select(i => $"m-{i}").Order(StringComparer.Ordinal), cloud.Select(m => m.Name).Order(StringComparer.Ordinal));
        var state = await _ws.StateIds();
        Assert.Equal(Machines, state.Count);
        Assert.Equal(cloud.Select(m => m.Id).Order(StringComparer.Ordinal), state.Values.Order(StringComparer.Ordinal));
        var plan = await _ws.Run("plan", "-detailed-exitcode", "-no-color", "-var", $"machines={Machines}", "-var", "latency_ms=40");
        Assert.True(plan.Code == 0, plan.Out + plan.Err);
    }

    /// <summary>
    /// Runs <c>apply</c> in a child process and SIGKILLs it once it holds the journal open for writing (its own apply,
    /// after any recovery) and the journal has <paramref name="records"/> lines. Returns what it printed and whether it
    /// was killed (false when it finished first).
    /// </summary>
    private async Task<(string Output, bool Killed)> RunAndKillAsync(int records)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _ws.Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provisioner.dll"));
        foreach (var a in ApplyArgs)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // A dedicated thread polls, so a busy thread pool (other tests run in parallel) cannot make it miss the moment.
        var killed = await Task.Factory.StartNew(() =>
        {
            var deadline = Stopwatch.StartNew();
            while (!p.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (WritesJournal(p.Id) && Lines(JournalPath) >= records)
                {
                    p.Kill(); // SIGKILL on Unix
                    return true;
                }
                Thread.Sleep(1);
            }
            return false;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await p.WaitForExitAsync();
        return (await stdout + await stderr, killed);
    }

    private bool WritesJournal(int pid)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget == JournalPath)
                    return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return false;
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
