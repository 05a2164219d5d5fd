using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provisioner destroy [options]</c>: the same as <c>apply -destroy</c>.</summary>
internal static class DestroyCommand
{
    public static Command Create(Func<ParseResult, CliContext> context) =>
        ApplyCommand.Create(context, "destroy", "Destroy previously-created infrastructure.", destroy: true);
}
