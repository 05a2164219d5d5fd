using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provisioner version</c>: prints the version.</summary>
internal static class VersionCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("version", "Show the current Provisioner version.");
        cmd.SetAction(r =>
        {
            context(r).Out.WriteLine($"Provisioner v{CommandLine.Version}");
            return 0;
        });
        return cmd;
    }
}
