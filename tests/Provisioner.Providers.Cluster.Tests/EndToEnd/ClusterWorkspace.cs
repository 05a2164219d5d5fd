using System.Diagnostics;
using System.Text.Json;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// A working directory for one scenario: writes <see cref="ClusterConfig"/>s, runs the CLI (<c>provisioner.dll</c>) in
/// child processes there, and reads the sim's logs (<see cref="SimHistory"/>).
/// </summary>
internal sealed class ClusterWorkspace : IDisposable
{
    public const string InventoryDirName = ".sim";

    private readonly TempDir _dir = new();

    public string Path => _dir.Path;

    public string InventoryDir => System.IO.Path.Combine(_dir.Path, InventoryDirName);

    public void Write(ClusterConfig config) => File.WriteAllText(System.IO.Path.Combine(_dir.Path, "main.hcl"), config.Render());

    /// <summary>Runs <c>provisioner ARGS</c> and returns its exit code and output.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "provisioner.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return new CliResult(string.Join(' ', args), p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the CLI and requires exit code 0; returns standard output.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var r = await RunAsync(args);
        Assert.True(r.Code == 0, r.ToString());
        return r.Out;
    }

    /// <summary>Writes <paramref name="config"/>, applies it (must succeed) and returns what the sim recorded during the apply.</summary>
    public async Task<(string Output, IReadOnlyList<SimEvent> Events)> ApplyAsync(ClusterConfig config)
    {
        Write(config);
        var mark = History().Events.Count;
        var output = await OkAsync("apply", "-auto-approve", "-no-color");
        return (output, History().Since(mark));
    }

    public SimHistory History() => SimHistory.Read(InventoryDir);

    /// <summary><c>provisioner sim inventory -json</c>: the cloud-side truth as the CLI prints it.</summary>
    public async Task<JsonElement> InventoryJsonAsync()
    {
        using var doc = JsonDocument.Parse(await OkAsync("sim", "inventory", "-dir", InventoryDirName, "-json"));
        return doc.RootElement.Clone();
    }

    public void Dispose() => _dir.Dispose();
}
