using System.CommandLine;
using System.Text;
using Provisioner.Engine.Addresses;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state list|show|mv|rm|pull|push</c>: inspect and edit the recorded state (Terraform's
/// <c>terraform state</c>). Every refused command leaves the state file byte-identical.
/// </summary>
internal static class StateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("state", "Advanced state management: list, show, move, remove, pull and push recorded objects.");
        cmd.Subcommands.Add(StateListCommand.Create(context));
        cmd.Subcommands.Add(StateShowCommand.Create(context));
        cmd.Subcommands.Add(StateMvCommand.Create(context));
        cmd.Subcommands.Add(StateRmCommand.Create(context));
        cmd.Subcommands.Add(StatePullCommand.Create(context));
        cmd.Subcommands.Add(StatePushCommand.Create(context));
        return cmd;
    }

    /// <summary>Reads the state for a state command; a missing or unreadable file is reported and gives null.</summary>
    internal static async Task<StateSnapshot?> LoadAsync(CliContext ctx, string? statePath, CancellationToken ct)
    {
        var (state, exists, diags) = await StateFileAccess.ReadAsync(ctx, ct, statePath).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(diags))
            return null;
        if (!exists || state is null)
        {
            ctx.WriteDiagnostics([StateFileAccess.NoStateFile(ctx, statePath)]);
            return null;
        }
        foreach (var r in state.Resources)
        {
            if (r.Module.Length > 0 && AddressParser.Parse(r.Module) is not ({ Resource: null }, { HasErrors: false }))
            {
                ctx.WriteDiagnostics([Hcl.Diagnostics.Diagnostic.Error(
                    "Failed to load state",
                    $"{StateFileAccess.ResolvePath(ctx, statePath)}: resource {r.Type}.{r.Name} has an invalid module address \"{r.Module}\"; the file was left untouched.")]);
                return null;
            }
        }
        return state;
    }

    /// <summary>Parses an address argument; a syntax error is reported (with the argument quoted) and gives null.</summary>
    internal static ParsedAddress? ParseAddress(CliContext ctx, string text)
    {
        const string source = "<address>";
        ctx.Sources.Add(source, Encoding.UTF8.GetBytes(text));
        var (parsed, diags) = AddressParser.Parse(text, source);
        ctx.WriteDiagnostics(diags);
        return diags.HasErrors ? null : parsed;
    }

    /// <summary>Every recorded object with its typed address, in state order.</summary>
    internal static IEnumerable<(ResourceState Resource, InstanceState Instance, ResourceInstanceAddress Address)> Objects(StateSnapshot state, StateAddresses addresses)
    {
        foreach (var r in state.Resources)
        {
            foreach (var i in r.Instances)
                yield return (r, i, addresses.Instance(r, i));
        }
    }
}
