using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

internal sealed partial class Evaluator
{
    private HclValue EvalFunctionCall(FunctionCallExpr e, EvalContext? ctx)
    {
        var range = e.Range;
        HclFunction f;
        if (ctx is null || !ctx.TryGetFunction(e.Name, out f, out var anyTable))
        {
            if (ctx is null || !AnyFunctions(ctx))
            {
                Error("Function calls not allowed", "Functions may not be called here.", range);
                return HclValue.DynamicVal;
            }

            var sep = e.Name.LastIndexOf("::", StringComparison.Ordinal);
            if (sep >= 0)
            {
                // Namespaced call: distinguish an unknown namespace from an unknown name within one.
                var ns = e.Name[..(sep + 2)];
                var shortName = e.Name[(sep + 2)..];
                var avail = new List<string>();
                foreach (var n in ctx.AllFunctionNames())
                {
                    // Built-ins are also reachable as core::NAME (FunctionTable.TryGet).
                    if (n.StartsWith(ns, StringComparison.Ordinal))
                        avail.Add(n[ns.Length..]);
                    else if (ns == "core::" && !n.Contains("::", StringComparison.Ordinal))
                        avail.Add(n);
                }

                if (avail.Count == 0)
                {
                    Error("Call to unknown function", $"There are no functions in namespace \"{ns}\".", e.NameRange, range);
                    return HclValue.DynamicVal;
                }

                var nsSuggestion = NameSuggestion.Find(shortName, avail);
                Error("Call to unknown function",
                    $"There is no function named \"{shortName}\" in namespace {ns}.{(nsSuggestion.Length > 0 ? $" Did you mean {ns}{nsSuggestion}?" : "")}",
                    e.NameRange, range);
                return HclValue.DynamicVal;
            }

            var suggestion = NameSuggestion.Find(e.Name, ctx.AllFunctionNames());
            Error("Call to unknown function",
                $"There is no function named \"{e.Name}\".{(suggestion.Length > 0 ? $" Did you mean \"{suggestion}\"?" : "")}",
                e.NameRange, range);
            return HclValue.DynamicVal;
        }

        _ = anyTable;
        if (f.Special != SpecialForm.None)
            return EvalSpecialForm(f, e, ctx);

        var args = e.Args;
        // Each argument: its expression (null for an element of an expanded argument), its value once
        // evaluated, and the range used for diagnostics about it.
        var argCount = args.Count;
        HclValue[]? expanded = null;
        Expression? expandExpr = null;
        if (e.ExpandFinal && argCount > 0)
        {
            expandExpr = args[argCount - 1];
            var start = _diags.Count;
            var ev = Eval(expandExpr, ctx);
            if (HasErrorsSince(start))
                return HclValue.DynamicVal;
            if (ev.Type.IsDynamic)
            {
                if (ev.IsNull)
                {
                    Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.", expandExpr.Range, range);
                }

                return HclValue.DynamicVal;
            }

            if (ev.Type.IsTuple || ev.Type.IsList || ev.Type.IsSet)
            {
                if (ev.IsNull)
                {
                    Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.", expandExpr.Range, range);
                    return HclValue.DynamicVal;
                }

                if (!ev.IsKnown)
                    return HclValue.DynamicVal;
                var (eu, em) = ev.Unmark();
                var elems = eu.Elements;
                expanded = new HclValue[elems.Count];
                for (var i = 0; i < expanded.Length; i++)
                    expanded[i] = elems[i].WithMarks(em);
                argCount = argCount - 1 + expanded.Length;
            }
            else
            {
                Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", expandExpr.Range, range);
                return HclValue.DynamicVal;
            }
        }

        var fixedArgs = expanded is null ? args.Count : args.Count - 1;
        var parameters = f.Parameters;
        var varParam = f.VariadicParameter;
        if (argCount < parameters.Count)
        {
            var missing = parameters[argCount];
            Error("Not enough function arguments",
                $"Function \"{e.Name}\" expects{(varParam is null ? "" : " at least")} {parameters.Count} argument(s). Missing value for \"{missing.Name}\".",
                e.CloseParenRange, range);
            return HclValue.DynamicVal;
        }

        if (varParam is null && argCount > parameters.Count)
        {
            var extraRange = parameters.Count < fixedArgs ? ExpressionRanges.StartRange(args[parameters.Count]) : expandExpr!.Range;
            Error("Too many function arguments", $"Function \"{e.Name}\" expects only {parameters.Count} argument(s).", extraRange, range);
            return HclValue.DynamicVal;
        }

        var values = new HclValue[argCount];
        var ranges = new SourceRange[argCount];
        var callStart = _diags.Count;
        for (var i = 0; i < argCount; i++)
        {
            var p = i < parameters.Count ? parameters[i] : varParam!;
            HclValue v;
            if (i < fixedArgs)
            {
                v = Eval(args[i], ctx);
                ranges[i] = ExpressionRanges.StartRange(args[i]);
            }
            else
            {
                v = expanded![i - fixedArgs];
                ranges[i] = expandExpr!.Range;
            }

            if (!p.Type.IsDynamic)
            {
                var c = HclConvert.Convert(v, p.Type);
                if (!c.IsSuccess)
                {
                    Error("Invalid function argument", $"Invalid value for \"{p.Name}\" parameter: {c.Error}.", ranges[i], range);
                }
                else
                {
                    v = c.Value!;
                }
            }

            values[i] = v;
        }

        if (HasErrorsSince(callStart))
            return HclValue.DynamicVal;

        var result = f.Call(values);
        if (result.IsSuccess)
            return result.Value;

        var err = result.Error;
        var idx = err.ArgumentIndex;
        var startRange = SourceRange.Between(e.NameRange, e.OpenParenRange);
        switch (err.Kind)
        {
            case FunctionErrorKind.Arity:
                Error(argCount < parameters.Count ? "Not enough function arguments" : "Too many function arguments", err.Message,
                    idx is { } ai && ai < argCount ? ranges[ai] : e.CloseParenRange, range);
                break;
            case FunctionErrorKind.InvalidArgument:
                if (idx is { } ii && ii < argCount)
                {
                    Error("Invalid function argument", err.Message, ranges[ii], range);
                }
                else
                {
                    Error("Invalid function argument", err.Message, range, range);
                }

                break;
            default:
                Error("Error in function call", $"Call to function \"{e.Name}\" failed: {err.Message}.",
                    idx is { } ci && ci < argCount ? ranges[ci] : startRange, range);
                break;
        }

        return HclValue.DynamicVal;
    }

    private static bool AnyFunctions(EvalContext ctx)
    {
        for (var c = ctx; c is not null; c = c.Parent)
        {
            if (c.Functions is not null)
                return true;
        }

        return false;
    }

    // ------------------------------------------------------------------ try and can

    private HclValue EvalSpecialForm(HclFunction f, FunctionCallExpr e, EvalContext? ctx)
    {
        var range = e.Range;
        var startRange = SourceRange.Between(e.NameRange, e.OpenParenRange);
        var args = e.Args;
        if (e.ExpandFinal)
        {
            Error("Invalid expanding argument value", $"The \"{e.Name}\" function does not accept an expanding argument (indicated by ...).", args[^1].Range, range);
            return HclValue.DynamicVal;
        }

        if (f.Special == SpecialForm.Can)
        {
            if (args.Count < 1)
            {
                Error("Not enough function arguments", $"Function \"{e.Name}\" expects 1 argument(s). Missing value for \"expression\".", e.CloseParenRange, range);
                return HclValue.DynamicVal;
            }

            if (args.Count > 1)
            {
                Error("Too many function arguments", $"Function \"{e.Name}\" expects only 1 argument(s).", ExpressionRanges.StartRange(args[1]), range);
                return HclValue.DynamicVal;
            }

            if (DependsOnUnknowns(args[0], ctx))
                return HclValue.UnknownOf(HclType.Bool);
            var start = _diags.Count;
            Eval(args[0], ctx);
            var failed = HasErrorsSince(start);
            Truncate(start);
            return HclValue.Bool(!failed);
        }

        if (args.Count == 0)
        {
            Error("Error in function call", $"Call to function \"{e.Name}\" failed: at least one argument is required.", startRange, range);
            return HclValue.DynamicVal;
        }

        var collected = new List<Diagnostic>();
        foreach (var arg in args)
        {
            if (DependsOnUnknowns(arg, ctx))
                return HclValue.DynamicVal;
            var start = _diags.Count;
            var v = Eval(arg, ctx);
            if (HasErrorsSince(start))
            {
                collected.AddRange(CutSince(start));
                continue;
            }

            Truncate(start);
            return v;
        }

        var buf = new StringBuilder("no expression succeeded:\n");
        foreach (var d in collected)
        {
            if (d.Subject is { } s)
                buf.Append("- ").Append(d.Summary).Append(" (at ").Append(s.ToString()).Append(")\n  ").Append(d.Detail).Append('\n');
            else
                buf.Append("- ").Append(d.Summary).Append("\n  ").Append(d.Detail).Append('\n');
        }

        buf.Append("\nAt least one expression must produce a successful result");
        Error("Error in function call", $"Call to function \"{e.Name}\" failed: {buf}.", startRange, range);
        return HclValue.DynamicVal;
    }

    /// <summary>HCL tryfunc's check: does any reference in the expression resolve to a value that is not wholly known?</summary>
    private bool DependsOnUnknowns(Expression expr, EvalContext? ctx)
    {
        if (ctx is null)
            return false;
        foreach (var t in expr.Variables())
        {
            var start = _diags.Count;
            var v = EvalScopeTraversal(t, ctx);
            var failed = HasErrorsSince(start);
            Truncate(start);
            if (!failed && !v.IsWhollyKnown)
                return true;
        }

        return false;
    }
}
