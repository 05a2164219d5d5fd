using System.CommandLine;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner import ADDRESS ID</c>: adopts an existing object into state at ADDRESS (which must have a
/// <c>resource</c> block), asking that resource's provider to read it by ID.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var ops = new OperationOptions();
        var address = new Argument<string>("ADDRESS") { Description = "The resource instance address to import to." };
        var id = new Argument<string>("ID") { Description = "The provider's id of the existing object." };
        var cmd = new Command("import", "Associate existing infrastructure with a Provisioner resource.");
        cmd.Options.Add(ops.Var);
        cmd.Options.Add(ops.VarFile);
        cmd.Options.Add(ops.State);
        cmd.Arguments.Add(address);
        cmd.Arguments.Add(id);
        cmd.SetAction((r, ct) => RunAsync(context(r), ops.Read(r, destroy: false), r.GetValue(address)!, r.GetValue(id)!, ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, OperationSettings settings, string addressText, string id, CancellationToken ct)
    {
        var (address, adiags) = AddressParser.ParseInstance(addressText, "ADDRESS");
        if (address is null)
        {
            ctx.WriteDiagnostics(adiags);
            return 1;
        }
        await using var op = new Operation(ctx, settings, "import");
        var session = await op.OpenSessionAsync(ct).ConfigureAwait(false);
        if (session is null)
            return 1;
        ctx.Out.WriteLine($"{address}: Importing from ID \"{id}\"...");
        var idiags = await session.ImportAsync(address, id, ct).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(idiags))
            return 1;
        var wdiags = await StateFileAccess.WriteAsync(ctx, session.State, CancellationToken.None, settings.StatePath).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(wdiags))
            return 1;
        ctx.Out.WriteLine($"{address}: Import prepared!");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("Import successful!");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("The resources that were imported are shown above. These resources are now in");
        ctx.Out.WriteLine("your Provisioner state and will henceforth be managed by Provisioner.");
        return 0;
    }
}
