namespace Provisioner.Cli;

/// <summary>Entry point of the command-line interface: global flags, then one command.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        _ = ct;
        if (args.Length == 0 || args[0] is "-help" or "--help" or "-h" or "help")
        {
            stdout.WriteLine("Usage: provisioner [-chdir=DIR] COMMAND [ARGS]");
            return Task.FromResult(0);
        }
        if (args[0] is "version" or "-version" or "--version")
        {
            stdout.WriteLine("Provisioner v0.1.0-dev");
            return Task.FromResult(0);
        }
        stderr.WriteLine($"error: unknown command \"{args[0]}\"");
        return Task.FromResult(1);
    }
}
