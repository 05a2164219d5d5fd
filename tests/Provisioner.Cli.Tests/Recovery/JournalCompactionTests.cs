using System.Diagnostics;
using Provisioner.Cli.Tests.Commands;
using Provisioner.State;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>
/// During a long apply the state is compacted from the journal at intervals (here every 300 ms through
/// <c>PROVISIONER_STATE_COMPACT_INTERVAL</c>): the state file shows progress while the apply runs, each compaction a
/// new serial, and the final state follows them.
/// </summary>
public sealed class JournalCompactionTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create("fleet");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task ALongApplyWritesIntermediateStatesFromItsJournal()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _ws.Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["PROVISIONER_STATE_COMPACT_INTERVAL"] = "300ms";
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provisioner.dll"));
        foreach (var a in new[] { "apply", "-auto-approve", "-no-color", "-input=false", "-parallelism", "2", "-var", "machines=30", "-var", "latency_ms=150" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var seen = new List<(long Serial, int Instances)>();
        while (!p.HasExited)
        {
            try
            {
                if (File.Exists(_ws.StatePath))
                {
                    var read = StateJson.Read(await File.ReadAllBytesAsync(_ws.StatePath));
                    Assert.True(read.IsSuccess, read.Error);
                    if (seen.Count == 0 || seen[^1].Serial != read.Snapshot.Serial)
                        seen.Add((read.Snapshot.Serial, read.Snapshot.InstanceCount));
                }
            }
            catch (IOException)
            {
            }
            await Task.Delay(50);
        }
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await stdout + await stderr);
        var final = (await new LocalStateFile(_ws.StatePath).ReadAsync(CancellationToken.None)).Snapshot!;
        Assert.Equal(30, final.InstanceCount);
        var partial = seen.Where(s => s.Instances is > 0 and < 30).ToList();
        Assert.True(partial.Count > 0, "no intermediate state was seen: " + string.Join(", ", seen));
        Assert.True(final.Serial > partial.Max(s => s.Serial), $"final serial {final.Serial} does not follow the compacted ones: {string.Join(", ", seen)}");
        Assert.Equal(seen.Select(s => s.Serial).Order(), seen.Select(s => s.Serial)); // serials only grow
        Assert.False(File.Exists(_ws.StatePath + ".journal"));
        Assert.Contains("No changes", (await _ws.Ok("plan", "-var", "machines=30")).Out);
    }
}
