using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Hcl.Formatting;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner fmt [-list=true] [-write=true] [-diff] [-check] [-recursive] [TARGET...]</c>: rewrites
/// configuration files into the canonical layout.
/// </summary>
/// <remarks>
/// As Terraform: targets are files or directories (default: the working directory); <c>-</c> reads standard input
/// and writes the result to standard output. <c>-check</c> writes nothing and exits 3 when a file would change.
/// A file with syntax errors is reported (exit 1) and left untouched.
/// </remarks>
internal static class FmtCommand
{
    public const int ExitChecksFailed = 3;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Option<bool>("-list", "--list") { Description = "List files whose formatting differs.", DefaultValueFactory = _ => true };
        var write = new Option<bool>("-write", "--write") { Description = "Write the result to the source file instead of standard output.", DefaultValueFactory = _ => true };
        var diff = new Option<bool>("-diff", "--diff") { Description = "Display diffs of formatting changes." };
        var check = new Option<bool>("-check", "--check") { Description = "Check whether the input is formatted; exit 3 when not. Writes nothing." };
        var recursive = new Option<bool>("-recursive", "--recursive") { Description = "Also process files in subdirectories." };
        var targets = new Argument<string[]>("TARGET") { Arity = ArgumentArity.ZeroOrMore, Description = "Files or directories (default: the working directory); '-' for standard input." };

        var cmd = new Command("fmt", "Rewrite configuration files to the canonical format and style.");
        cmd.Options.Add(list);
        cmd.Options.Add(write);
        cmd.Options.Add(diff);
        cmd.Options.Add(check);
        cmd.Options.Add(recursive);
        cmd.Arguments.Add(targets);
        cmd.SetAction((r, ct) =>
        {
            var args = new FmtArguments(
                r.GetValue(targets) ?? [],
                r.GetValue(list),
                r.GetValue(write),
                r.GetValue(diff),
                r.GetValue(check),
                r.GetValue(recursive));
            return RunAsync(context(r), args, Console.OpenStandardInput, ct);
        });
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, FmtArguments args, Func<Stream> stdin, CancellationToken ct)
    {
        var view = new FmtView(ctx);
        var write = args.Write && !args.Check;
        var changed = false;
        var errors = false;

        if (args.Targets is ["-"])
        {
            var src = await StandardInput.ReadAllAsync(stdin, ct).ConfigureAwait(false);
            ctx.Sources.Add("<stdin>", src);
            var result = HclFormatter.Format(src, "<stdin>");
            if (ctx.WriteDiagnostics(result.Diagnostics))
                return 1;
            var differs = !src.AsSpan().SequenceEqual(result.Output);
            if (args.Diff && differs)
                view.Diff("<stdin>", src, result.Output);
            if (!args.Check && !args.Diff)
                view.Raw(result.Output);
            return args.Check && differs ? ExitChecksFailed : 0;
        }

        var files = new List<string>();
        foreach (var target in args.Targets.Count == 0 ? ["."] : args.Targets)
        {
            var full = ctx.ResolvePath(target);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                files.AddRange(ConfigFileFinder.Find(full, args.Recursive));
            }
            else
            {
                ctx.Error.WriteLine($"error: No file or directory at {target}");
                errors = true;
            }
        }

        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            var display = ctx.DisplayPath(file);
            var src = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
            ctx.Sources.Add(display, src);
            var result = HclFormatter.Format(src, display);
            if (ctx.WriteDiagnostics(result.Diagnostics))
            {
                errors = true;
                continue;
            }
            if (src.AsSpan().SequenceEqual(result.Output))
                continue;
            changed = true;
            if (args.List)
                view.FileName(display);
            if (write)
                await AtomicFile.WriteAllBytesAsync(file, result.Output, mode: null, backupPath: null, ct).ConfigureAwait(false);
            if (args.Diff)
                view.Diff(display, src, result.Output);
            if (!args.List && !write && !args.Diff && !args.Check)
                view.Raw(result.Output);
        }

        if (errors)
            return 1;
        return args.Check && changed ? ExitChecksFailed : 0;
    }
}
