using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state pull [-state=PATH]</c>: prints the state as JSON (the file format, re-serialised after
/// validation, so it is byte-identical to a file Provisioner wrote). No state prints nothing.
/// </summary>
internal static class StatePullCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var cmd = new Command("pull", "Print the current state as JSON.");
        cmd.Options.Add(state);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, CancellationToken ct)
    {
        var (snapshot, _, diags) = await StateFileAccess.ReadAsync(ctx, ct, statePath).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(diags))
            return 1;
        if (snapshot is not null)
            new StateView(ctx).Pulled(StateJson.Serialize(snapshot));
        return 0;
    }
}
