using System.CommandLine;
using System.Text.Json;
using Provisioner.Cli.Views;
using Provisioner.Engine.Addresses;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner state list [-state=PATH] [-id=ID] [ADDRESS...]</c>: one line per resource instance, in Terraform's
/// order; addresses filter by module, resource or instance, <c>-id</c> by the object's <c>id</c> attribute.
/// </summary>
internal static class StateListCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var id = new Option<string?>("-id", "--id") { Description = "Only list instances whose id attribute is ID.", HelpName = "ID" };
        var addresses = new Argument<string[]>("ADDRESS") { Arity = ArgumentArity.ZeroOrMore, Description = "Module, resource or instance addresses to filter by." };
        var cmd = new Command("list", "List resources in the state.");
        cmd.Options.Add(state);
        cmd.Options.Add(id);
        cmd.Arguments.Add(addresses);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), r.GetValue(id), r.GetValue(addresses) ?? [], ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, string? id, IReadOnlyList<string> filters, CancellationToken ct)
    {
        var parsed = new List<ParsedAddress>();
        foreach (var f in filters)
        {
            if (StateCommand.ParseAddress(ctx, f) is not { } p)
                return 1;
            parsed.Add(p);
        }
        var snapshot = await StateCommand.LoadAsync(ctx, statePath, ct).ConfigureAwait(false);
        if (snapshot is null)
            return 1;

        var selected = new SortedSet<ResourceInstanceAddress>(Comparer<ResourceInstanceAddress>.Create(StateAddresses.Compare));
        foreach (var (_, instance, address) in StateCommand.Objects(snapshot, new StateAddresses()))
        {
            if (parsed.Count > 0 && !parsed.Exists(p => StateAddresses.Matches(p, address)))
                continue;
            if (id is not null && !HasId(instance.AttributesJson, id))
                continue;
            selected.Add(address);
        }
        new StateView(ctx).List(selected);
        return 0;
    }

    private static bool HasId(string attributesJson, string id)
    {
        using var doc = JsonDocument.Parse(attributesJson);
        return doc.RootElement.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == id;
    }
}
