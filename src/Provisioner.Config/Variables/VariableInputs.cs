using System.Globalization;
using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Config;

/// <summary>
/// Root module input variables from defaults, <c>PROVISIONER_VAR_name</c>, <c>provisioner.vars.hcl</c>, <c>*.auto.vars.hcl</c> files, then
/// <c>-var-file</c>/<c>-var</c> in command-line order (Terraform's precedence: later wins); conversion to the
/// declared type, <c>nullable</c>, <c>sensitive</c> marks and <c>validation</c> rules.
/// </summary>
public static class VariableInputs
{
    /// <summary>Environment variable prefix: <c>PROVISIONER_VAR_name=value</c>.</summary>
    public const string EnvironmentPrefix = "PROVISIONER_VAR_";

    private sealed record Raw(string Name, ValueSourceKind Kind, string Origin, SourceRange? Range, HclValue? Value, string? Text);

    public static VariableValues Resolve(
        ModuleConfig root,
        IReadOnlyList<VariableArg> cliArgs,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        VariableInputOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(cliArgs);
        ArgumentNullException.ThrowIfNull(environment);
        options ??= new VariableInputOptions();
        var displayRoot = Path.GetFullPath(options.DisplayRoot ?? workingDirectory);
        var diags = new DiagnosticList();
        var raws = new List<Raw>();

        foreach (var (key, text) in environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
                continue;
            var name = key[EnvironmentPrefix.Length..];
            if (name.Length == 0 || !root.Variables.ContainsKey(name))
                continue;
            raws.Add(new Raw(name, ValueSourceKind.Environment, "environment variable " + key, null, null, text));
        }

        string[] autoFiles;
        try
        {
            autoFiles = Directory.GetFiles(root.Directory)
                .Where(p => Path.GetFileName(p) is var f &&
                            (f.EndsWith(".auto.vars.hcl", StringComparison.Ordinal) || f.EndsWith(".auto.vars.hcl.json", StringComparison.Ordinal)))
                .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
                .ToArray();
            // provisioner.vars.hcl (Terraform's terraform.tfvars) comes before the *.auto.vars.hcl files.
            var defaults = new[] { "provisioner.vars.hcl", "provisioner.vars.hcl.json" }
                .Select(n => Path.Combine(root.Directory, n)).Where(File.Exists);
            autoFiles = [.. defaults, .. autoFiles];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            autoFiles = [];
        }
        foreach (var file in autoFiles)
            ReadFile(root, file, ValueSourceKind.AutoFile, displayRoot, options, raws, diags, cancellationToken);

        foreach (var arg in cliArgs)
        {
            if (arg.Kind == VariableArgKind.VarFile)
            {
                var path = Path.GetFullPath(Path.Combine(workingDirectory, arg.Text));
                ReadFile(root, path, ValueSourceKind.VarFile, displayRoot, options, raws, diags, cancellationToken);
                continue;
            }
            var eq = arg.Text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                diags.Error("Invalid -var option",
                    $"The given -var option \"{arg.Text}\" is not correctly specified. Must be a variable name and value separated by an equals sign, like -var=\"key=value\".");
                continue;
            }
            var name = arg.Text[..eq].Trim();
            if (!root.Variables.ContainsKey(name))
            {
                diags.Error("Value for undeclared variable",
                    $"A variable named \"{name}\" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a \"variable\" block to the configuration.");
                continue;
            }
            raws.Add(new Raw(name, ValueSourceKind.CommandLine, "-var", null, null, arg.Text[(eq + 1)..]));
        }

        var last = new Dictionary<string, Raw>(StringComparer.Ordinal);
        foreach (var raw in raws)
            last[raw.Name] = raw;

        var inputs = new Dictionary<string, InputValue>(StringComparer.Ordinal);
        foreach (var v in root.Variables.Values)
        {
            if (Finish(v, last.GetValueOrDefault(v.Name), diags) is { } input)
                inputs[v.Name] = input;
        }

        if (!diags.HasErrors)
            Validate(root, inputs, options.Time ?? TimeProvider.System, diags);
        return new VariableValues(inputs, diags);
    }

    /// <summary>
    /// A value given for <paramref name="variable"/> (e.g. a module call's evaluated input), made final the way root
    /// values are: null handling per <c>nullable</c> (and the default), conversion with optional-attribute defaults,
    /// the sensitive mark. Null (with an error) when the value is unsuitable; the default when <paramref name="value"/>
    /// is null (not given).
    /// </summary>
    public static HclValue? Prepare(Variable variable, HclValue? value, string origin, SourceRange? range, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var raw = value is null ? null : new Raw(variable.Name, ValueSourceKind.CommandLine, origin, range, value, null);
        return Finish(variable, raw, diagnostics)?.Value;
    }

    /// <summary>
    /// Runs <paramref name="variable"/>'s validation rules in <paramref name="scope"/> (which must define
    /// <c>var</c>): false → "Invalid value for variable" with the rule's message at the condition.
    /// </summary>
    public static void CheckValidations(Variable variable, EvalContext scope, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var rule in variable.Validations)
            CheckRule(variable, rule, scope, diagnostics);
    }

    private static void ReadFile(ModuleConfig root, string path, ValueSourceKind kind, string displayRoot,
        VariableInputOptions options, List<Raw> raws, DiagnosticList diags, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var name = Path.GetRelativePath(displayRoot, path).Replace('\\', '/');
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Error("Failed to read variables file", $"Given variables file {name} does not exist or cannot be read.");
            return;
        }
        options.Sources?.Add(name, bytes);
        var body = ConfigLoader.Parse(bytes, name, diags);
        if (body is null)
            return;
        var (attrs, d) = body.JustAttributes();
        diags.AddRange(d);
        foreach (var attr in attrs.InOrder)
        {
            if (!root.Variables.ContainsKey(attr.Name))
            {
                diags.Warning("Value for undeclared variable",
                    $"The root module does not declare a variable named \"{attr.Name}\" but a value was found in file \"{name}\". If you meant to use this value, add a \"variable\" block to the configuration.",
                    attr.NameRange);
                continue;
            }
            var (value, ed) = attr.Expression.Evaluate(null);
            diags.AddRange(ed);
            if (ed.HasErrors)
                continue;
            raws.Add(new Raw(attr.Name, kind, name, attr.Expression.Range, value, null));
        }
    }

    private static InputValue? Finish(Variable v, Raw? raw, DiagnosticList diags)
    {
        if (raw is null)
        {
            if (v.Default is null)
            {
                diags.Error("No value for required variable",
                    $"The root module input variable \"{v.Name}\" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.",
                    v.DeclRange);
                return null;
            }
            return new InputValue(Mark(v, v.Default), ValueSourceKind.Default, "default", v.DefaultRange);
        }

        HclValue value;
        if (raw.Value is { } given)
        {
            value = given;
        }
        else if (v.Type.Type.IsPrimitive)
        {
            value = HclValue.String(raw.Text!);
        }
        else
        {
            var filename = $"<value for var.{v.Name}>";
            var parsed = HclSyntax.ParseExpression(raw.Text!, filename);
            if (parsed.HasErrors)
            {
                diags.AddRange(parsed.Diagnostics);
                return null;
            }
            var (ev, ed) = HclEvaluator.Evaluate(parsed.Root, null);
            diags.AddRange(ed);
            if (ed.HasErrors)
                return null;
            value = ev;
        }

        if (value.IsNull && !v.Nullable)
        {
            if (v.Default is { IsNull: false } def)
                return new InputValue(Mark(v, def), ValueSourceKind.Default, "default", v.DefaultRange);
            diags.Error("Required variable not set",
                $"Unsuitable value for var.{v.Name} set from {raw.Origin}: required variable may not be set to null.",
                raw.Range ?? v.DeclRange);
            return null;
        }

        var conv = v.Type.Convert(value);
        if (!conv.IsSuccess)
        {
            diags.Error("Invalid value for input variable",
                $"The value for var.{v.Name} set from {raw.Origin} is not suitable for the variable declared at {v.DeclRange}: {conv.Error}.",
                raw.Range ?? v.DeclRange);
            return null;
        }
        return new InputValue(Mark(v, conv.Value!), raw.Kind, raw.Origin, raw.Range);
    }

    private static HclValue Mark(Variable v, HclValue value) => v.Sensitive ? value.Mark(HclMarks.Sensitive) : value;

    private static void Validate(ModuleConfig root, Dictionary<string, InputValue> inputs, TimeProvider time, DiagnosticList diags)
    {
        var functions = HclFunctions.CreateStandard(new StandardLibraryOptions(root.Directory, time));
        var vars = HclValue.Object(inputs.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, kv.Value.Value)));
        var ctx = new EvalContext(new Dictionary<string, HclValue>(StringComparer.Ordinal) { ["var"] = vars }, functions);
        foreach (var v in root.Variables.Values)
        {
            if (!inputs.ContainsKey(v.Name))
                continue;
            foreach (var rule in v.Validations)
                CheckRule(v, rule, ctx, diags);
        }
    }

    private static void CheckRule(Variable v, CheckRule rule, EvalContext ctx, DiagnosticList diags)
    {
        var (result, d) = rule.Condition.Evaluate(ctx);
        diags.AddRange(d);
        if (d.HasErrors)
            return;
        var (plain, _) = result.UnmarkDeep();
        if (!plain.IsKnown)
            return;
        if (plain.IsNull)
        {
            diags.Error("Invalid variable validation result",
                "Validation condition expression must return either true or false, not null.", rule.Condition.Range);
            return;
        }
        var conv = HclConvert.Convert(plain, HclType.Bool);
        if (!conv.IsSuccess)
        {
            diags.Error("Invalid variable validation result",
                $"Invalid validation condition result value: {conv.Error!.Message}.", rule.Condition.Range);
            return;
        }
        if (conv.Value!.AsBool())
            return;

        var (msg, md) = rule.ErrorMessage.Evaluate(ctx);
        diags.AddRange(md);
        var text = "Invalid value for variable.";
        if (!md.HasErrors)
        {
            var (plainMsg, marks) = msg.UnmarkDeep();
            var sc = HclConvert.Convert(plainMsg, HclType.String);
            if (!sc.IsSuccess || sc.Value!.IsNull || !sc.Value.IsKnown)
            {
                diags.Error("Invalid error message", "Unsuitable value for error message: a string is required.", rule.ErrorMessage.Range);
            }
            else if (marks.Contains(HclMarks.Sensitive))
            {
                text = "The error message included a sensitive value, so it will not be displayed.";
            }
            else
            {
                text = sc.Value.AsString();
            }
        }
        diags.Error("Invalid value for variable",
            string.Create(CultureInfo.InvariantCulture, $"{text}\n\nThis was checked by the validation rule at {rule.DeclRange}."),
            rule.Condition.Range);
    }
}
