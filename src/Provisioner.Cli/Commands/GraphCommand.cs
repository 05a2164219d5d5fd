using System.CommandLine;
using Provisioner.Config;
using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Commands;

/// <summary><c>provisioner graph</c>: the configuration's dependency graph in Graphviz DOT (pipe it to <c>dot -Tsvg</c>).</summary>
internal static class GraphCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("graph", "Print the dependency graph of the configuration in DOT format.");
        cmd.SetAction((r, ct) => Task.FromResult(Run(context(r), ct)));
        return cmd;
    }

    public static int Run(CliContext ctx, CancellationToken ct)
    {
        var loader = new ConfigLoader(new ConfigLoaderOptions(ctx.WorkingDirectory, ctx.Sources));
        var (root, diags) = loader.LoadTree(ctx.WorkingDirectory, ct);
        if (diags.HasErrors || root is null)
        {
            ctx.WriteDiagnostics(diags);
            return 1;
        }
        ctx.Out.Write(ConfigGraphDot.Render(root));
        return 0;
    }
}
