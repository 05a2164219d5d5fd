using System.CommandLine;
using System.Text.Json;
using Provisioner.Cli.Views;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Cli.Commands;

/// <summary>
/// <c>provisioner output [-state=PATH] [-json] [-raw] [NAME]</c>: root module outputs as recorded in the state.
/// </summary>
/// <remarks>
/// As Terraform: the human list shows sensitive outputs as <c>&lt;sensitive&gt;</c>; naming an output, <c>-json</c>
/// and <c>-raw</c> print real values (sensitive ones included: asking for it by name or as machine output is the
/// way to get it). <c>-raw</c> takes one output whose value is a string, number or bool and prints it without quotes
/// or newline. No state, or no outputs, is a warning and exit 0 (<c>{}</c> with <c>-json</c>).
/// </remarks>
internal static class OutputCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var state = StateFileAccess.CreateStateOption();
        var json = new Option<bool>("-json", "--json") { Description = "Print the outputs as JSON (real values, sensitive ones included)." };
        var raw = new Option<bool>("-raw", "--raw") { Description = "Print one string, number or bool output as is, for scripts." };
        var name = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne, Description = "One output to print." };
        var cmd = new Command("output", "Show output values from the state.");
        cmd.Options.Add(state);
        cmd.Options.Add(json);
        cmd.Options.Add(raw);
        cmd.Arguments.Add(name);
        cmd.SetAction((r, ct) => RunAsync(context(r), r.GetValue(state), r.GetValue(json), r.GetValue(raw), r.GetValue(name), ct));
        return cmd;
    }

    public static async Task<int> RunAsync(CliContext ctx, string? statePath, bool json, bool raw, string? name, CancellationToken ct)
    {
        if (json && raw)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Invalid output format", "The -raw and -json options are mutually exclusive.")]);
            return 1;
        }
        if (raw && name is null)
        {
            ctx.WriteDiagnostics([Diagnostic.Error("Output name required", "You must give the name of a single output value when using the -raw option.")]);
            return 1;
        }
        var (snapshot, _, diags) = await StateFileAccess.ReadAsync(ctx, ct, statePath).ConfigureAwait(false);
        if (ctx.WriteDiagnostics(diags))
            return 1;
        var outputs = snapshot?.Outputs ?? new SortedDictionary<string, OutputState>(StringComparer.Ordinal);
        var view = new OutputView(ctx);

        if (name is null)
        {
            if (json)
            {
                view.AllJson(outputs);
                return 0;
            }
            if (outputs.Count == 0)
            {
                ctx.WriteDiagnostics([Diagnostic.Warning(
                    "No outputs found",
                    "The state file either has no outputs defined, or all the defined outputs are empty. Please define an output in your configuration with the `output` keyword and run `provisioner apply` for it to become available.")]);
                return 0;
            }
            view.AllHuman(outputs);
            return 0;
        }

        if (!outputs.TryGetValue(name, out var output))
        {
            ctx.WriteDiagnostics([Diagnostic.Error(
                $"Output \"{name}\" not found",
                "The output variable requested could not be found in the state file. If you recently added this to your configuration, be sure to run `provisioner apply`, since the state won't be updated with new output variables until that command is run.")]);
            return 1;
        }
        if (json)
        {
            view.OneJson(output);
            return 0;
        }
        if (raw)
        {
            using var doc = JsonDocument.Parse(output.ValueJson);
            var v = doc.RootElement;
            switch (v.ValueKind)
            {
                case JsonValueKind.String:
                    view.Raw(v.GetString()!);
                    return 0;
                case JsonValueKind.Number:
                    view.Raw(v.GetRawText());
                    return 0;
                case JsonValueKind.True or JsonValueKind.False:
                    view.Raw(v.ValueKind == JsonValueKind.True ? "true" : "false");
                    return 0;
                default:
                    ctx.WriteDiagnostics([Diagnostic.Error(
                        "Unsupported value for raw output",
                        $"The -raw option only supports strings, numbers, and boolean values, but output value \"{name}\" is {Describe(v, output.TypeJson)}. Use the -json option for machine-readable representations of output values that have complex types.")]);
                    return 1;
            }
        }
        view.OneHuman(output);
        return 0;
    }

    private static string Describe(JsonElement value, string typeJson)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return "null";
        using var type = JsonDocument.Parse(typeJson);
        return TypeName(type.RootElement);
    }

    /// <summary>A cty JSON type as words: <c>list of string</c>, <c>map of number</c>, <c>object</c>.</summary>
    private static string TypeName(JsonElement t) => t.ValueKind switch
    {
        JsonValueKind.String => t.GetString()!,
        JsonValueKind.Array when t.GetArrayLength() == 2 && t[0].GetString() is "list" or "set" or "map" => t[0].GetString() + " of " + TypeName(t[1]),
        JsonValueKind.Array when t.GetArrayLength() > 0 && t[0].ValueKind == JsonValueKind.String => t[0].GetString()!,
        _ => "of an unknown type",
    };
}
