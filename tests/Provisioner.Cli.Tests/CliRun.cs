namespace Provisioner.Cli.Tests;

/// <summary>Runs the CLI in-process in a working directory, capturing standard output and error.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Out, string Err)> InDirectory(string dir, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None, workingDirectory: dir);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
