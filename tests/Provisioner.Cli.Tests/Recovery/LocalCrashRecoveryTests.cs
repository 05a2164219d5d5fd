using Provisioner.State;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Tests.Recovery;

/// <summary>The crash test with the default local backend (state file + journal file next to it).</summary>
public sealed class LocalCrashRecoveryTests : CrashRecoveryScenario
{
    [Fact]
    public Task Apply_KilledWithSigkill20Times_EndsWithExactlyTheDesiredMachinesOnce() => RunAsync(0, seed: 20261122);

    [Fact]
    public Task Apply_KilledWithSigkill20Times_WithEventualConsistency_EndsWithExactlyTheDesiredMachinesOnce() => RunAsync(300, seed: 4242);

    protected override Task PrepareBackendAsync() => Task.CompletedTask;

    protected override async Task CheckLoadableAsync(string round)
    {
        if (File.Exists(Workspace.StatePath))
        {
            var read = StateJson.Read(await File.ReadAllBytesAsync(Workspace.StatePath));
            Assert.True(read.IsSuccess, $"{round}: {read.Error}");
        }
        Assert.True(JournalFile.Read(Workspace.StatePath + ".journal").IsSuccess, $"{round}: the journal does not read");
    }
}
