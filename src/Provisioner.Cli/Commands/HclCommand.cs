using System.CommandLine;
using Provisioner.Hcl.Json;

namespace Provisioner.Cli.Commands;

/// <summary><c>provisioner hcl to-json FILE</c>: the <c>hcl2json</c> JSON shape of a native-syntax file.</summary>
internal static class HclCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "A native-syntax HCL file ('-' for standard input)." };
        var toJson = new Command("to-json", "Print a native-syntax HCL file as JSON, in the shape of HashiCorp's hcl2json.");
        toJson.Arguments.Add(file);
        toJson.SetAction((r, ct) => ToJsonAsync(context(r), r.GetValue(file)!, Console.OpenStandardInput, ct));

        var hcl = new Command("hcl", "Tools for the configuration language.");
        hcl.Subcommands.Add(toJson);
        return hcl;
    }

    public static async Task<int> ToJsonAsync(CliContext ctx, string file, Func<Stream> stdin, CancellationToken ct)
    {
        byte[] src;
        string display;
        if (file == "-")
        {
            src = await StandardInput.ReadAllAsync(stdin, ct).ConfigureAwait(false);
            display = "<stdin>";
        }
        else
        {
            var full = ctx.ResolvePath(file);
            if (!File.Exists(full))
            {
                ctx.Error.WriteLine($"error: No file at {file}");
                return 1;
            }
            src = await File.ReadAllBytesAsync(full, ct).ConfigureAwait(false);
            display = ctx.DisplayPath(full);
        }
        ctx.Sources.Add(display, src);
        var result = HclToJson.Convert(src, display);
        if (ctx.WriteDiagnostics(result.Diagnostics))
            return 1;
        ctx.Out.WriteLine(result.Json);
        return 0;
    }
}
