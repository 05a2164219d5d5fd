using System.CommandLine;
using Provisioner.Cli.Commands;

namespace Provisioner.Cli;

/// <summary>Entry point of the command-line interface: global flags, then one command.</summary>
/// <remarks>
/// Flags follow Terraform's habits: a single dash (<c>-check</c>, <c>-chdir=DIR</c>); two dashes are accepted too.
/// Parsing is System.CommandLine's; each command lives in <c>Commands/</c> as arguments + glue, and its
/// console output in <c>Views/</c>.
/// </remarks>
internal static class CommandLine
{
    public const string Version = "0.1.0-dev";

    /// <param name="ct">Cancelled by the second Ctrl-C: abandon work at once.</param>
    /// <param name="stdin">Standard input; the console's when null.</param>
    /// <param name="stopScheduling">Cancelled by the first Ctrl-C: finish and record what is in flight, start nothing new.</param>
    /// <param name="inputIsTerminal">Whether someone can answer prompts; by default, whether the console's input is a terminal.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct, string? workingDirectory = null,
        TextReader? stdin = null, CancellationToken stopScheduling = default, bool? inputIsTerminal = null)
    {
        var chdir = new Option<string?>("-chdir", "--chdir")
        {
            Description = "Switch to a different working directory before executing the given subcommand.",
            HelpName = "DIR",
            Recursive = true,
        };
        var noColor = new Option<bool>("-no-color", "--no-color")
        {
            Description = "Disable colour in the output.",
            Recursive = true,
        };

        var root = new RootCommand("Provisioner: declarative infrastructure for Kubernetes clusters.");
        root.Options.Add(chdir);
        root.Options.Add(noColor);

        var contexts = new List<CliContext>();
        CliContext MakeContext(ParseResult r)
        {
            var baseDir = workingDirectory ?? Directory.GetCurrentDirectory();
            var dir = r.GetValue(chdir) is { Length: > 0 } d ? Path.GetFullPath(d, baseDir) : baseDir;
            var color = !r.GetValue(noColor) && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
                && Environment.GetEnvironmentVariable("NO_COLOR") is null;
            var made = new CliContext(dir, stdout, stderr, color)
            {
                In = stdin ?? Console.In,
                InputIsTerminal = inputIsTerminal ?? (stdin is null && !Console.IsInputRedirected),
                StopScheduling = stopScheduling,
            };
            contexts.Add(made);
            return made;
        }

        root.Subcommands.Add(InitCommand.Create(MakeContext));
        root.Subcommands.Add(ValidateCommand.Create(MakeContext));
        root.Subcommands.Add(PlanCommand.Create(MakeContext));
        root.Subcommands.Add(ApplyCommand.Create(MakeContext));
        root.Subcommands.Add(DestroyCommand.Create(MakeContext));
        root.Subcommands.Add(ShowCommand.Create(MakeContext));
        root.Subcommands.Add(ImportCommand.Create(MakeContext));
        root.Subcommands.Add(GraphCommand.Create(MakeContext));
        root.Subcommands.Add(ConsoleCommand.Create(MakeContext));
        root.Subcommands.Add(ForceUnlockCommand.Create(MakeContext));
        root.Subcommands.Add(FmtCommand.Create(MakeContext));
        root.Subcommands.Add(HclCommand.Create(MakeContext));
        root.Subcommands.Add(VersionCommand.Create(MakeContext));
        root.Subcommands.Add(StateCommand.Create(MakeContext));
        root.Subcommands.Add(WorkspaceCommand.Create(MakeContext));
        root.Subcommands.Add(OutputCommand.Create(MakeContext));
        root.Subcommands.Add(SimCommand.Create(MakeContext));

        var parserConfig = new ParserConfiguration { EnablePosixBundling = false, ResponseFileTokenReplacer = null };
        var parsed = root.Parse(Normalize(args), parserConfig);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
                stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("Run \"provisioner -help\" for usage.");
            return 1;
        }

        // Terraform says "flag provided but not defined"; System.CommandLine would take an unknown -flag as a positional argument.
        foreach (var child in parsed.CommandResult.Children)
        {
            if (child is System.CommandLine.Parsing.ArgumentResult arg)
            {
                foreach (var token in arg.Tokens)
                {
                    if (token.Value.Length > 1 && token.Value[0] == '-')
                    {
                        stderr.WriteLine($"error: flag provided but not defined: {token.Value}");
                        stderr.WriteLine($"Run \"provisioner {(parsed.CommandResult.Parent is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } p ? p.Command.Name + " " : "")}{parsed.CommandResult.Command.Name} -help\" for usage.");
                        return 1;
                    }
                }
            }
        }

        var chdirValue = parsed.GetValue(chdir);
        if (chdirValue is { Length: > 0 })
        {
            var dir = Path.GetFullPath(chdirValue, workingDirectory ?? Directory.GetCurrentDirectory());
            if (!Directory.Exists(dir))
            {
                stderr.WriteLine($"error: Error handling -chdir option: chdir {chdirValue}: no such file or directory");
                return 1;
            }
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, ct).ConfigureAwait(false);
        }
        finally
        {
            foreach (var c in contexts)
            {
                if (c.StateAccess is { } access)
                    await access.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Terraform writes <c>-flag=value</c>; System.CommandLine splits <c>--flag=value</c> and <c>-flag=value</c> alike,
    /// but treats a bare <c>-help</c>/<c>-version</c> as unknown. Map those to the library's spellings.
    /// </summary>
    private static string[] Normalize(string[] args)
    {
        var result = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            result[i] = args[i] switch
            {
                "-help" or "-h" => "--help",
                "-version" => "version",
                _ => args[i],
            };
        }
        return result;
    }
}
