using System.Diagnostics;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>
/// <c>provisioner { encryption { } }</c> through the CLI (child processes, so the key's environment variable is theirs
/// alone): the state and journal are encrypted, commands read them with the key, a wrong key or none is a clear
/// error, and no attribute value is readable in the file.
/// </summary>
public sealed class EncryptedStateCommandTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task StateIsEncryptedAtRestAndReadWithTheKey()
    {
        _ws.Write("encryption.hcl", "provisioner {\n  encryption {\n    key_provider = \"pbkdf2\"\n  }\n}\n");
        var missing = await RunAsync(null, "plan", "-no-color");
        Assert.Equal(1, missing.Code);
        Assert.Contains("PROVISIONER_STATE_PASSPHRASE", missing.Output, StringComparison.Ordinal);

        var apply = await RunAsync(Passphrase, "apply", "-auto-approve", "-no-color");
        Assert.True(apply.Code == 0, apply.Output);
        var bytes = await File.ReadAllTextAsync(_ws.StatePath);
        Assert.StartsWith("{\"encryption_version\":1", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("sim_machine", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, bytes, StringComparison.Ordinal);

        var plan = await RunAsync(Passphrase, "plan", "-no-color", "-detailed-exitcode");
        Assert.True(plan.Code == 0, plan.Output);
        var list = await RunAsync(Passphrase, "state", "list");
        Assert.Contains("sim_machine.", list.Output, StringComparison.Ordinal);

        var wrong = await RunAsync("another passphrase of 16+", "plan", "-no-color");
        Assert.Equal(1, wrong.Code);
        Assert.Contains("wrong passphrase or key", wrong.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("another passphrase", wrong.Output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output)> RunAsync(string? passphrase, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _ws.Dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment.Remove("PROVISIONER_STATE_PASSPHRASE");
        if (passphrase is not null)
            psi.Environment["PROVISIONER_STATE_PASSPHRASE"] = passphrase;
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
