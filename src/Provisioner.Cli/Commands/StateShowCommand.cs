using System.CommandLine;
using Provisioner.Cli.Views;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state show [-state=PATH] ADDRESS</c>: the attributes of one resource instance as an HCL-like
/// <c>resource "type" "name" { ... }</c> block; sensitive values print as <c>(sensitive value)</c>.
/// </summary>
internal static class StateShowCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var address = new Argument<string>("ADDRESS") { Description = "The resource instance to show." };
        var cmd = new Command("show", "Show a resource instance in the state.");
        cmd.Options.Add(state);
        cmd.Arguments.Add(address);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), r.GetValue(address)!, ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, string text, CancellationToken ct)
    {
        if (StateCommand.ParseAddress(ctx, text) is not { } parsed)
            return 1;
        if (parsed.Resource is null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Invalid address", $"\"{text}\" names a module; state show requires the address of one resource instance.")]);
            return 1;
        }
        var snapshot = await StateCommand.LoadAsync(ctx, statePath, ct).ConfigureAwait(false);
        if (snapshot is null)
            return 1;

        var wanted = parsed.Resource.Instance(parsed.Key);
        var objects = new List<(ResourceState, InstanceState)>();
        foreach (var (resource, instance, address) in StateCommand.Objects(snapshot, new StateAddresses()))
        {
            if (address == wanted)
                objects.Add((resource, instance));
        }
        if (objects.Count == 0)
        {
            ctx.WriteDiagnostics([Diagnostic.Error(
                "No instance found for the given address!",
                "This command requires that the address references one specific instance. To view the available instances, use \"provisioner state list\". Please modify the address to reference a specific instance.")]);
            return 1;
        }
        // The current object first, then deposed ones (as Terraform lists them).
        new StateView(ctx).Show(wanted.ToString(), [.. objects.OrderBy(o => o.Item2.Deposed is null ? 0 : 1)]);
        return 0;
    }
}
