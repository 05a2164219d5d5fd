using Provisioner.State;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>Every write is a compare-and-swap against the state the command read: a concurrent writer is not overwritten.</summary>
public sealed class StaleWriterTests
{
    [Fact]
    public async Task AStateChangedUnderACommandIsNotOverwritten()
    {
        using var ws = PlanApplyWorkspace.Create();
        await ws.Ok("apply", "-auto-approve");
        // A stand-in for another writer that ran with -lock=false: it bumps the serial while "state rm" runs.
        // Here it is simulated by writing between two commands that share nothing but the file: "state rm" reads
        // serial N, the stand-in writes N+1, and the command's write (expecting N) must be refused.
        var before = (await new LocalStateFile(ws.StatePath).ReadAsync(CancellationToken.None)).Snapshot!;
        var ctxOut = new StringWriter();
        var ctxErr = new StringWriter();
        var ctx = new CliContext(ws.Dir, ctxOut, ctxErr, color: false);
        var (read, _, diags) = await Provisioner.Cli.Commands.StateFileAccess.ReadAsync(ctx, CancellationToken.None);
        Assert.False(diags.HasErrors);
        var other = before;
        other.Serial++;
        await new LocalStateFile(ws.StatePath).WriteAsync(other, CancellationToken.None);
        read!.Resources.RemoveAt(0);
        var write = await Provisioner.Cli.Commands.StateFileAccess.WriteAsync(ctx, read, CancellationToken.None);
        Assert.True(write.HasErrors);
        Assert.Contains("changed since this command read it", write[0].Detail, StringComparison.Ordinal);
        var after = (await new LocalStateFile(ws.StatePath).ReadAsync(CancellationToken.None)).Snapshot!;
        Assert.Equal(other.Serial, after.Serial);
        Assert.Equal(before.Resources.Count, after.Resources.Count);
    }
}
