using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// Terraform's <c>templatefile(path, vars)</c> and <c>templatestring(template, vars)</c>: they parse a bare
/// template and evaluate it with the evaluator, so they live here rather than in the function library.
/// </summary>
public static class TemplateFunctions
{
    private const string RecursiveTemplateFile = "cannot recursively call templatefile from inside templatefile call";
    private const string RecursiveTemplateString = "cannot recursively call templatestring from inside another template function";

    /// <summary>
    /// Creates both functions. <paramref name="functions"/> returns the table templates may call (usually the
    /// final table including these two; they are replaced by stubs inside templates to stop recursion).
    /// </summary>
    public static IReadOnlyList<HclFunction> Create(StandardLibraryOptions options, Func<FunctionTable> functions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(functions);
        FunctionTable? inner = null;
        FunctionTable InnerTable() => inner ??= functions().With([Stub("templatefile", "path", RecursiveTemplateFile), Stub("templatestring", "template", RecursiveTemplateString)]);

        var templateFile = new HclFunction(
            "templatefile",
            [new FunctionParameter("path", HclType.String) { AllowMarked = true }, new FunctionParameter("vars", HclType.Dynamic)],
            null,
            HclFunction.Returns(HclType.Dynamic),
            (args, _) =>
            {
                var (path, pathMarks) = args[0].Unmark();
                var load = LoadFile(options.BaseDirectory, path.AsString(), pathMarks);
                if (load.Error is not null)
                    return load.Error.Value;
                var r = Render(load.Template!, args[1], InnerTable());
                return r.IsSuccess ? FunctionResult.Ok(r.Value.WithMarks(pathMarks)) : r;
            },
            "Reads the file at the given path and renders its content as a template using a supplied set of template variables.");

        var templateString = new HclFunction(
            "templatestring",
            [new FunctionParameter("template", HclType.String) { AllowMarked = true }, new FunctionParameter("vars", HclType.Dynamic)],
            null,
            HclFunction.Returns(HclType.Dynamic),
            (args, _) =>
            {
                var (src, marks) = args[0].Unmark();
                var parsed = HclSyntax.ParseTemplate(Encoding.UTF8.GetBytes(src.AsString()), "<templatestring>");
                if (parsed.Diagnostics.HasErrors)
                    return FunctionResult.Fail(DiagnosticsAsError(parsed.Diagnostics), 0, FunctionErrorKind.CallFailed);
                var r = Render(parsed.Root, args[1], InnerTable(), "template");
                return r.IsSuccess ? FunctionResult.Ok(r.Value.WithMarks(marks)) : r;
            },
            "Renders a string as a template using a supplied set of template variables.");

        return [templateFile, templateString];
    }

    private static HclFunction Stub(string name, string firstParam, string message) => new(
        name,
        [new FunctionParameter(firstParam, HclType.String), new FunctionParameter("vars", HclType.Dynamic)],
        null,
        _ => FunctionTypeResult.Fail(message),
        (_, _) => FunctionResult.Fail(message));

    private readonly record struct Loaded(Expression? Template, FunctionResult? Error);

    private static Loaded LoadFile(string baseDirectory, string path, HclMarks marks)
    {
        var shown = marks.Contains(HclMarks.Sensitive) ? "(sensitive value)" : path;
        var full = path;
        if (full.StartsWith('~'))
            full = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + full[1..];
        if (!Path.IsPathRooted(full))
            full = Path.Combine(baseDirectory, full);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Loaded(null, FunctionResult.Fail(
                $"Invalid value for \"path\" parameter: no file exists at {shown}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.",
                0, FunctionErrorKind.InvalidArgument));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new Loaded(null, FunctionResult.Fail($"Invalid value for \"path\" parameter: failed to read file: {ex.Message}.", 0, FunctionErrorKind.InvalidArgument));
        }

        if (!IsValidUtf8(bytes))
        {
            return new Loaded(null, FunctionResult.Fail(
                $"Invalid value for \"path\" parameter: contents of {shown} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead.",
                0, FunctionErrorKind.InvalidArgument));
        }

        var parsed = HclSyntax.ParseTemplate(bytes, path);
        if (parsed.Diagnostics.HasErrors)
            return new Loaded(null, FunctionResult.Fail(DiagnosticsAsError(parsed.Diagnostics)));
        return new Loaded(parsed.Root, null);
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static FunctionResult Render(Expression template, HclValue vars, FunctionTable functions, string templateParam = "path")
    {
        _ = templateParam;
        var ty = vars.Type;
        if (!(ty.IsMap || ty.IsObject))
            return FunctionResult.Fail("Invalid value for \"vars\" parameter: invalid vars value: must be a map.", 1, FunctionErrorKind.InvalidArgument);
        if (vars.IsNull)
            return FunctionResult.Fail("Invalid value for \"vars\" parameter: argument must not be null.", 1, FunctionErrorKind.InvalidArgument);
        if (!vars.IsKnown)
            return FunctionResult.Ok(HclValue.DynamicVal);

        var variables = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var (name, value) in vars.Attributes)
        {
            if (!IsValidIdentifier(name))
            {
                return FunctionResult.Fail(
                    $"Invalid value for \"vars\" parameter: invalid template variable name \"{name}\": must start with a letter, followed by zero or more letters, digits, and underscores.",
                    1, FunctionErrorKind.InvalidArgument);
            }

            variables[name] = value;
        }

        foreach (var t in template.Variables())
        {
            if (!variables.ContainsKey(t.RootName))
            {
                return FunctionResult.Fail(
                    $"Invalid value for \"vars\" parameter: vars map does not contain key \"{t.RootName}\", referenced at {t.Root.Range}.",
                    1, FunctionErrorKind.InvalidArgument);
            }
        }

        var r = HclEvaluator.Evaluate(template, new EvalContext(variables, functions));
        if (r.HasErrors)
            return FunctionResult.Fail(DiagnosticsAsError(r.Diagnostics));
        return FunctionResult.Ok(r.Value);
    }

    /// <summary>HCL's <c>Diagnostics.Error()</c> text: the first error, plus a count of the others.</summary>
    internal static string DiagnosticsAsError(DiagnosticList diags)
    {
        Diagnostic? first = null;
        var errors = 0;
        foreach (var d in diags)
        {
            if (!d.IsError)
                continue;
            first ??= d;
            errors++;
        }

        if (first is null)
            return "no diagnostics";
        var text = first.Subject is { } s ? $"{s}: {first.Summary}; {first.Detail}" : $"{first.Summary}; {first.Detail}";
        return errors > 1 ? $"{text}, and {errors - 1} other diagnostic(s)" : text;
    }

    internal static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0)
            return false;
        var bytes = Encoding.UTF8.GetBytes(name);
        return Lexer.ScanIdent(bytes, 0) == bytes.Length;
    }
}
