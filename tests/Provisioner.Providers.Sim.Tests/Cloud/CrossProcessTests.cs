using System.Diagnostics;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Providers.Sim.Tests.Cloud;

/// <summary>
/// Another process on the same inventory. The other process is a short Python script (python3 is part of the test
/// machines' toolset) that takes the same OS lock (a POSIX record lock on byte 0 of <c>inventory.lock</c>) and
/// appends a record the way SimCloud does; it stands in for a second engine.
/// </summary>
public sealed class CrossProcessTests : IDisposable
{
    private const string Record =
        "{\"op\":\"create\",\"kind\":\"machine\",\"id\":\"m-00000100\",\"token\":\"py\",\"at\":\"2026-01-01T00:00:00+00:00\","
        + "\"machine\":{\"id\":\"m-00000100\",\"name\":\"from-python\",\"size\":\"small\",\"zone\":\"zone-a\",\"labels\":{},"
        + "\"address\":\"10.0.0.200\",\"created_at\":\"2026-01-01T00:00:00+00:00\"}}";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Process StartWriter(double holdSeconds, bool finish)
    {
        var half = Record.Length / 2;
        var script = $$"""
            import fcntl, os, sys, time
            d = sys.argv[1]
            lock = os.open(os.path.join(d, "inventory.lock"), os.O_RDWR | os.O_CREAT)
            fcntl.lockf(lock, fcntl.LOCK_EX, 1, 0)
            log = os.open(os.path.join(d, "inventory.jsonl"), os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            rec = sys.stdin.readline().rstrip("\n").encode()
            os.write(log, rec[:{{half}}])
            print("locked", flush=True)
            time.sleep({{holdSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}})
            if {{(finish ? "True" : "False")}}:
                os.write(log, rec[{{half}}:] + b"\n")
            fcntl.lockf(lock, fcntl.LOCK_UN, 1, 0)
            """;
        var psi = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(_dir.Path);
        var p = Process.Start(psi)!;
        p.StandardInput.WriteLine(Record);
        p.StandardInput.Flush();
        Assert.Equal("locked", p.StandardOutput.ReadLine());
        return p;
    }

    private static MachineSpec Spec(string name) => new(name, null, "small", "zone-a", null, new Dictionary<string, string>());

    [Fact]
    public async Task OtherProcessHoldingTheLock_IsWaitedFor_AndItsHalfWrittenLineIsNotBroken()
    {
        using var cloud = new SimCloud(_dir.Path, SimCloudOptions.Default, TimeProvider.System);
        using var writer = StartWriter(holdSeconds: 0.5, finish: true);

        var sw = Stopwatch.StartNew();
        var ours = await cloud.CreateMachineAsync("ours", Spec("ours"), CancellationToken.None);
        sw.Stop();
        await writer.WaitForExitAsync();

        Assert.False(ours.IsError);
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(300), $"the create must wait for the other process's lock (took {sw.Elapsed})");
        // Ids and addresses continue after what the other process wrote.
        Assert.Equal("m-00000101", ours.Value!.Id);
        var snapshot = cloud.Snapshot();
        Assert.Equal(["from-python", "ours"], snapshot.Machines.Select(m => m.Name));
        Assert.Equal(0, snapshot.SkippedLines);
    }

    [Fact]
    public async Task OtherProcessKilledMidAppend_ReleasesTheLock_AndItsTornLineIsSkipped()
    {
        using var cloud = new SimCloud(_dir.Path, SimCloudOptions.Default, TimeProvider.System);
        using (var writer = StartWriter(holdSeconds: 60, finish: true))
        {
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync();
        }

        var ours = await cloud.CreateMachineAsync("ours", Spec("ours"), CancellationToken.None);

        Assert.False(ours.IsError);
        using var reader = new SimCloud(_dir.Path, SimCloudOptions.Default, TimeProvider.System);
        var snapshot = reader.Snapshot();
        Assert.Equal(["ours"], snapshot.Machines.Select(m => m.Name));
        Assert.Equal(1, snapshot.SkippedLines);
    }
}
