using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions;

/// <summary>
/// A function callable from expressions, with cty's calling convention: positional parameters, an optional
/// variadic parameter, a result type computed from the arguments, and an implementation.
/// </summary>
/// <remarks>
/// <see cref="Call"/> does the work every function shares, so implementations only see arguments they accept:
/// arity checks; conversion of each argument to its parameter type; null checks; an unknown argument for a
/// parameter that does not accept unknowns gives an unknown result of the return type (the implementation is not
/// called); marks are removed before the call and re-applied to the result, so a sensitive input always gives a
/// sensitive output.
/// </remarks>
public sealed class HclFunction
{
    public HclFunction(
        string name,
        IReadOnlyList<FunctionParameter> parameters,
        FunctionParameter? variadic,
        Func<IReadOnlyList<HclValue>, FunctionTypeResult> returnType,
        Func<IReadOnlyList<HclValue>, HclType, FunctionResult> impl,
        string description = "")
    {
        Name = name;
        Parameters = parameters;
        VariadicParameter = variadic;
        ReturnType = returnType;
        Impl = impl;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<FunctionParameter> Parameters { get; }

    public FunctionParameter? VariadicParameter { get; }

    /// <summary>Computes the result type from the (converted, possibly unknown) arguments.</summary>
    public Func<IReadOnlyList<HclValue>, FunctionTypeResult> ReturnType { get; }

    /// <summary>Computes the result from known arguments (unless the parameters allow unknowns) and the return type.</summary>
    public Func<IReadOnlyList<HclValue>, HclType, FunctionResult> Impl { get; }

    /// <summary>
    /// Set for <c>try</c> and <c>can</c>: their arguments are expressions the evaluator must evaluate itself,
    /// catching errors, so they are never called through <see cref="Call"/>.
    /// </summary>
    public SpecialForm Special { get; init; }

    /// <summary>A function whose result is the same type as a fixed type, for the common case.</summary>
    public static Func<IReadOnlyList<HclValue>, FunctionTypeResult> Returns(HclType type) => _ => type;

    /// <summary>Calls the function with cty's rules (see the type's remarks).</summary>
    public FunctionResult Call(IReadOnlyList<HclValue> args)
    {
        var fixedCount = Parameters.Count;
        if (args.Count < fixedCount)
        {
            var missing = Parameters[args.Count];
            return FunctionResult.Fail(
                $"Function \"{Name}\" expects {Plural(fixedCount, "argument")}{(VariadicParameter is null ? "" : " or more")}. Missing value for \"{missing.Name}\".",
                null, FunctionErrorKind.Arity);
        }
        if (VariadicParameter is null && args.Count > fixedCount)
        {
            return FunctionResult.Fail(
                $"Function \"{Name}\" expects only {Plural(fixedCount, "argument")}.",
                fixedCount, FunctionErrorKind.Arity);
        }

        var converted = new HclValue[args.Count];
        var resultMarks = HclMarks.None;
        var anyUnknownRefused = false;
        var anyDynamicRefused = false;
        for (var i = 0; i < args.Count; i++)
        {
            var p = i < fixedCount ? Parameters[i] : VariadicParameter!;
            var arg = args[i];
            if (!p.AllowMarked)
            {
                var (unmarked, marks) = arg.UnmarkDeep();
                arg = unmarked;
                resultMarks = resultMarks.Union(marks);
            }
            if (arg.IsNull && !p.AllowNull)
                return FunctionResult.Fail($"Invalid value for \"{p.Name}\" parameter: argument must not be null.", i, FunctionErrorKind.InvalidArgument);
            if (!arg.IsKnown && arg.Type.IsDynamic && !p.AllowDynamicType)
            {
                anyDynamicRefused = true;
                converted[i] = arg;
                continue;
            }
            if (!p.Type.IsDynamic)
            {
                var conv = HclConvert.Convert(arg, p.Type);
                if (!conv.IsSuccess)
                    return FunctionResult.Fail($"Invalid value for \"{p.Name}\" parameter: {conv.Error}.", i, FunctionErrorKind.InvalidArgument);
                arg = conv.Value;
            }
            if (!arg.IsKnown && !p.AllowUnknown)
                anyUnknownRefused = true;
            converted[i] = arg;
        }

        if (anyDynamicRefused || anyUnknownRefused)
        {
            // The implementation is not called, so it cannot carry marks of parameters that accept them: a sensitive
            // input must still give a sensitive (unknown) result.
            foreach (var a in args)
                resultMarks = resultMarks.Union(a.DeepMarks());
        }
        if (anyDynamicRefused)
            return FunctionResult.Ok(HclValue.DynamicVal.WithMarks(resultMarks));

        var rt = ReturnType(converted);
        if (!rt.IsSuccess)
            return FunctionResult.Fail(rt.Error.Message, rt.Error.ArgumentIndex, rt.Error.ArgumentIndex is null ? FunctionErrorKind.CallFailed : FunctionErrorKind.InvalidArgument);

        if (anyUnknownRefused)
            return FunctionResult.Ok(HclValue.UnknownOf(rt.Type).WithMarks(resultMarks));

        var result = Impl(converted, rt.Type);
        if (!result.IsSuccess)
            return result;
        return resultMarks.IsEmpty ? result : FunctionResult.Ok(result.Value.WithMarks(resultMarks));
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    public override string ToString() => Name;
}
