using System.CommandLine;
using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner init</c>: prepares a working directory: loads the configuration and its local modules, checks that
/// every provider it uses is built in, and reports the state location. Providers are compiled in (nothing to
/// download) — and initialises the backend (<see cref="BackendInit"/>: records it, moves state with <c>-migrate-state</c>).
/// </summary>
internal static class InitCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var input = new Option<bool>("-input", "--input") { Description = "Ask for input if necessary.", DefaultValueFactory = _ => true };
        var migrate = new Option<bool>("-migrate-state", "--migrate-state") { Description = "Move the state of every workspace from the previously initialised backend to the configured one." };
        var reconfigure = new Option<bool>("-reconfigure", "--reconfigure") { Description = "Use the configured backend, ignoring the previously initialised one (nothing is moved)." };
        var forceCopy = new Option<bool>("-force-copy", "--force-copy") { Description = "With -migrate-state: overwrite states the new backend already holds." };
        var cmd = new Command("init", "Prepare your working directory for other commands.");
        cmd.Options.Add(input);
        cmd.Options.Add(migrate);
        cmd.Options.Add(reconfigure);
        cmd.Options.Add(forceCopy);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(migrate), r.GetValue(reconfigure), r.GetValue(forceCopy), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, bool migrate, bool reconfigure, bool forceCopy, CancellationToken ct)
    {
        if (migrate && reconfigure)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Incompatible init options", "The -migrate-state and -reconfigure options are mutually exclusive.")]);
            return 1;
        }
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
        if (!await BackendInit.RunAsync(ctx, root.Config.Settings, migrate, reconfigure, forceCopy, ct).ConfigureAwait(false))
            return 1;
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Initializing provider plugins...");
        foreach (var p in used)
            ctx.Out.WriteLine($"- Using built-in provider \"{p}\"");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Provisioner has been successfully initialized!");
        return 0;
    }
}
