using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli;

/// <summary>What every command gets: where it runs, where it writes, and how diagnostics are rendered.</summary>
/// <remarks>
/// <c>-chdir</c> changes <see cref="WorkingDirectory"/> rather than the process's current directory, so commands
/// resolve paths through <see cref="ResolvePath"/> and tests can run commands side by side.
/// </remarks>
internal sealed class CliContext(string workingDirectory, TextWriter stdout, TextWriter stderr, bool color)
{
    public string WorkingDirectory { get; } = workingDirectory;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public bool Color { get; } = color;

    /// <summary>Standard input (approval prompts, <c>console</c>).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when standard input is an interactive terminal (someone can answer a prompt).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Cancelled by the first Ctrl-C: start nothing new, let operations in flight finish and be recorded.</summary>
    public CancellationToken StopScheduling { get; init; }

    /// <summary>Sources read so far, so diagnostics can quote the offending line.</summary>
    public SourceFiles Sources { get; } = new();

    /// <summary>The command's state access, once opened (<see cref="Backends.StateAccess.Open"/>); disposed at the end.</summary>
    public Backends.StateAccess? StateAccess { get; set; }

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A path relative to the working directory, as the user would type it.</summary>
    public string DisplayPath(string fullPath)
    {
        var rel = Path.GetRelativePath(WorkingDirectory, fullPath);
        return rel.StartsWith("..", StringComparison.Ordinal) ? fullPath : rel;
    }

    /// <summary>Writes diagnostics to standard error; returns true when any is an error.</summary>
    public bool WriteDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var renderer = new DiagnosticRenderer(Sources) { Color = Color };
        var any = false;
        foreach (var d in diagnostics)
        {
            Error.Write(renderer.Render(d));
            any |= d.IsError;
        }
        return any;
    }
}
