using Provisioner.State;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>A temporary working directory for state command tests, with helpers to seed and inspect its state file.</summary>
public sealed class StateTestDirectory : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("prov-state-cmd-").FullName;

    public string StatePath => Path.Combine(Dir, LocalStateFile.DefaultFileName);

    public string BackupPath => StatePath + ".backup";

    public void Dispose() => Directory.Delete(Dir, recursive: true);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "state", name);

    /// <summary>Copies a fixture from <c>testdata/state</c> in as the state file; returns its bytes.</summary>
    public byte[] Seed(string fixture = "basic.json")
    {
        File.Copy(Fixture(fixture), StatePath, overwrite: true);
        return File.ReadAllBytes(StatePath);
    }

    public byte[] StateBytes() => File.ReadAllBytes(StatePath);

    public StateSnapshot ReadState()
    {
        var r = StateJson.Read(StateBytes());
        Assert.True(r.IsSuccess, r.Error);
        return r.Snapshot;
    }

    public async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None, workingDirectory: Dir);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }
}
