using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;

namespace Provisioner.Cli.Backends;

/// <summary>
/// Turns the root module's <c>provisioner { backend "TYPE" { ... } }</c> block into a backend: finds the factory,
/// decodes the arguments (literal values only, as Terraform requires: the backend is needed before variables are),
/// checks their types, and reports problems at their source positions. No block means the local backend.
/// </summary>
internal static class BackendResolver
{
    /// <summary>
    /// Creates the backend from its decoded settings (<see cref="Decode"/>). <paramref name="statePathOverride"/>
    /// (<c>-state</c>) is for the local backend only.
    /// </summary>
    public static (IStateBackend? Backend, DiagnosticList Diagnostics) Create(BackendConfig? config, IStateBackendFactory factory,
        BackendSettings settings, string? statePathOverride, TimeProvider time)
    {
        var diags = new DiagnosticList();
        if (statePathOverride is { Length: > 0 })
        {
            if (factory.Type != "local")
            {
                diags.Error("Invalid -state option", $"The -state option names a local state file and cannot be used with the \"{factory.Type}\" backend configured at {config!.DeclRange}. Remove -state, or use \"provisioner state pull\" to get a copy of the state.");
                return (null, diags);
            }
            var values = new Dictionary<string, object>(settings.Values, StringComparer.Ordinal) { ["path"] = statePathOverride };
            settings = settings with { Values = values };
        }
        var created = factory.Create(settings, time);
        if (created.Backend is null)
        {
            diags.Error("Invalid backend configuration", created.Error!, config?.DeclRange);
            return (null, diags);
        }
        return (created.Backend, diags);
    }

    /// <summary>Decodes the block's arguments against its factory's schema.</summary>
    public static (BackendSettings? Settings, IStateBackendFactory? Factory) Decode(BackendConfig? config, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, DiagnosticList diags)
    {
        if (config is null)
            return (new BackendSettings(new Dictionary<string, object>(), environment, workingDirectory), BackendRegistry.Find("local"));
        var factory = BackendRegistry.Find(config.Type);
        if (factory is null)
        {
            diags.Error("Unsupported backend type",
                $"There is no backend type named \"{config.Type}\". The available backends are: {string.Join(", ", BackendRegistry.Factories.Select(f => "\"" + f.Type + "\""))}.",
                config.TypeRange);
            return (null, null);
        }
        var (attrs, adiags) = config.Config.JustAttributes();
        diags.AddRange(adiags);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var attr in attrs.Values)
        {
            var arg = factory.Arguments.FirstOrDefault(a => a.Name == attr.Name);
            if (arg is null)
            {
                diags.Error("Unsupported argument",
                    $"An argument named \"{attr.Name}\" is not expected here: the \"{factory.Type}\" backend accepts {string.Join(", ", factory.Arguments.Select(a => a.Name))}.",
                    attr.NameRange);
                continue;
            }
            var (value, vdiags) = attr.Expression.Evaluate(null);
            if (vdiags.HasErrors)
            {
                diags.Error("Invalid backend argument",
                    $"The \"{attr.Name}\" argument of a backend must be a literal value: backends are configured before variables and resources exist, so references and function calls are not allowed here.",
                    attr.Expression.Range);
                continue;
            }
            var converted = Convert(value.UnmarkDeep().Value, arg.Type);
            if (converted is null)
            {
                diags.Error("Incorrect attribute value type",
                    $"Inappropriate value for argument \"{attr.Name}\": {Describe(arg.Type)} required.", attr.Expression.Range);
                continue;
            }
            values[attr.Name] = converted;
        }
        if (diags.HasErrors)
            return (null, factory);
        return (new BackendSettings(values, environment, workingDirectory), factory);
    }

    private static object? Convert(HclValue v, BackendArgumentType type)
    {
        if (v.IsNull || !v.IsWhollyKnown)
            return null;
        switch (type)
        {
            case BackendArgumentType.String:
                if (v.Type.IsString)
                    return v.AsString();
                if (v.Type.IsNumber || v.Type.IsBool)
                    return v.Type.IsBool ? (v.AsBool() ? "true" : "false") : v.AsNumber().ToString();
                return null;
            case BackendArgumentType.Number:
                if (v.Type.IsNumber && v.AsNumber().TryToLong(out var n))
                    return n;
                if (v.Type.IsString && long.TryParse(v.AsString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p))
                    return p;
                return null;
            case BackendArgumentType.Bool:
                if (v.Type.IsBool)
                    return v.AsBool();
                if (v.Type.IsString && v.AsString() is "true" or "false")
                    return v.AsString() == "true";
                return null;
            case BackendArgumentType.StringList:
                if (!(v.Type.IsList || v.Type.IsTuple || v.Type.IsSet))
                    return null;
                var list = new List<string>();
                foreach (var e in v.Elements)
                {
                    if (e.IsNull || !e.Type.IsString)
                        return null;
                    list.Add(e.AsString());
                }
                return list;
            default:
                return null;
        }
    }

    private static string Describe(BackendArgumentType t) => t switch
    {
        BackendArgumentType.String => "a string",
        BackendArgumentType.Number => "a whole number",
        BackendArgumentType.Bool => "a bool",
        _ => "a list of strings",
    };
}
