using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Config;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner validate [-json]</c>: checks the configuration in the working directory and its modules without
/// touching state or providers: syntax, block and argument structure, references, types of type constraints,
/// duplicates and dependency cycles.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("-json", "--json") { Description = "Print the result as JSON (Terraform's validate -json shape)." };
        var cmd = new Command("validate", "Check whether the configuration is valid.");
        cmd.Options.Add(json);
        cmd.SetAction((r, ct) => Task.FromResult(Run(context(r), r.GetValue(json), ct)));
        return cmd;
    }

    public static int Run(CliContext ctx, bool json, CancellationToken ct)
    {
        var loader = new ConfigLoader(new ConfigLoaderOptions(ctx.WorkingDirectory, ctx.Sources));
        var (root, diags) = loader.LoadTree(ctx.WorkingDirectory, ct);
        if (root is not null)
            RequiredVersion.Check(root, diags);
        var view = new ValidateView(ctx);
        if (json)
            view.Json(diags);
        else
            view.Human(diags);
        return diags.HasErrors ? 1 : 0;
    }
}
