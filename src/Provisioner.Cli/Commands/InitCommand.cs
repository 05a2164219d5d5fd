using System.CommandLine;
using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner init</c>: prepares a working directory: loads the configuration and its local modules, checks that
/// every provider it uses is built in, and reports the state location. Providers are compiled in (nothing to
/// download); remote backends and <c>-migrate-state</c> arrive with the state-backends issue.
/// </summary>
internal static class InitCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var input = new Option<bool>("-input", "--input") { Description = "Ask for input if necessary.", DefaultValueFactory = _ => true };
        var cmd = new Command("init", "Prepare your working directory for other commands.");
        cmd.Options.Add(input);
        cmd.SetAction((r, ct) => Task.FromResult(Run(context(r), ct)));
        return cmd;
    }

    public static int Run(CliContext ctx, CancellationToken ct)
    {
        var loader = new ConfigLoader(new ConfigLoaderOptions(ctx.WorkingDirectory, ctx.Sources));
        var (root, diags) = loader.LoadTree(ctx.WorkingDirectory, ct);
        if (root is null || diags.HasErrors)
        {
            ctx.WriteDiagnostics(diags);
            return 1;
        }
        var registry = BuiltinProviders.Create();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in root.Descendants())
        {
            foreach (var p in node.Config.ProviderConfigs)
                used.Add(p.Name);
            foreach (var r in node.Config.ManagedResources.Concat(node.Config.DataResources))
            {
                used.Add(r.ProviderName);
                if (!registry.TryGet(r.ProviderName, out _))
                {
                    diags.Error("Provider not available",
                        $"The resource type \"{r.Type}\" belongs to provider \"{r.ProviderName}\", which is not built into this Provisioner. Built-in providers: {string.Join(", ", registry.Names)}.",
                        r.TypeRange);
                }
            }
        }
        ctx.WriteDiagnostics(diags);
        if (diags.HasErrors)
            return 1;
        ctx.Out.WriteLine("Initializing modules...");
        foreach (var node in root.Descendants().Where(n => !n.IsRoot))
            ctx.Out.WriteLine($"- {string.Join('.', node.Path)} in {ctx.DisplayPath(node.Config.Directory)}");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Initializing the backend...");
        ctx.Out.WriteLine($"- local: state in {ctx.DisplayPath(StateFileAccess.ResolvePath(ctx))}");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Initializing provider plugins...");
        foreach (var p in used)
            ctx.Out.WriteLine($"- Using built-in provider \"{p}\"");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Provisioner has been successfully initialized!");
        return 0;
    }
}
