using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The type conversion functions of the standard library: <c>tobool</c>, <c>tolist</c>, <c>tomap</c>,
/// <c>tonumber</c>, <c>toset</c>, <c>tostring</c>, the sensitivity functions, and the <c>try</c>/<c>can</c> forms.</summary>
internal static class ConversionFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield return MakeTo("tobool", HclType.Bool);
        yield return MakeTo("tonumber", HclType.Number);
        yield return MakeTo("tostring", HclType.String);
        yield return MakeTo("tolist", HclType.List(HclType.Dynamic));
        yield return MakeTo("toset", HclType.Set(HclType.Dynamic));
        yield return MakeTo("tomap", HclType.Map(HclType.Dynamic));
        yield return Sensitive();
        yield return NonSensitive();
        yield return IsSensitive();
        yield return new HclFunction(
            "try",
            [],
            new FunctionParameter("expressions", HclType.Dynamic) { AllowNull = true, AllowUnknown = true, AllowDynamicType = true, AllowMarked = true },
            HclFunction.Returns(HclType.Dynamic),
            (_, _) => FunctionResult.Fail("the try function can only be called from an expression, because it needs its arguments unevaluated"),
            "Evaluates each of its argument expressions in turn and returns the result of the first one that does not produce any errors.")
        {
            Special = SpecialForm.Try,
        };
        yield return new HclFunction(
            "can",
            [new FunctionParameter("expression", HclType.Dynamic) { AllowNull = true, AllowUnknown = true, AllowDynamicType = true, AllowMarked = true }],
            null,
            HclFunction.Returns(HclType.Bool),
            (_, _) => FunctionResult.Fail("the can function can only be called from an expression, because it needs its argument unevaluated"),
            "Tries to evaluate the expression given in its first argument.")
        {
            Special = SpecialForm.Can,
        };
    }

    private static FunctionParameter AnyValue(string name) =>
        new(name, HclType.Dynamic) { AllowNull = true, AllowUnknown = true, AllowDynamicType = true, AllowMarked = true };

    /// <summary>cty's <c>MakeToFunc</c>: conversion with friendlier messages than a plain argument conversion.</summary>
    internal static HclFunction MakeTo(string name, HclType want) => new(
        name,
        [AnyValue("v")],
        null,
        args =>
        {
            var got = args[0].Type;
            if (got.Equals(want) || HclConvert.CanConvert(got, want))
            {
                return want;
            }

            if (got.IsTuple && want.IsTuple)
            {
                return FunctionTypeResult.Fail("incompatible tuple type for conversion: " + HclConvert.MismatchMessage(got, want), 0);
            }

            if (got.IsObject && want.IsObject)
            {
                return FunctionTypeResult.Fail("incompatible object type for conversion: " + HclConvert.MismatchMessage(got, want), 0);
            }

            return FunctionTypeResult.Fail($"cannot convert {got.FriendlyName} to {want.FriendlyNameForConstraint}", 0);
        },
        (args, _) =>
        {
            var arg = args[0];
            var r = HclConvert.Convert(arg, want);
            if (r.IsSuccess)
            {
                return r.Value;
            }

            var (val, marks) = arg.UnmarkDeep();
            var got = val.Type;
            string message;
            if (marks.Contains(HclMarks.Sensitive))
            {
                message = $"cannot convert this sensitive {got.FriendlyName} to {want.FriendlyNameForConstraint}";
            }
            else if (got.IsString && want.IsBool)
            {
                var what = val.IsNull ? "string" : EncodingText.GoQuote(val.AsString());
                message = $"cannot convert {what} to bool; only the strings \"true\" or \"false\" are allowed";
            }
            else if (got.IsString && want.IsNumber)
            {
                var what = val.IsNull ? "string" : EncodingText.GoQuote(val.AsString());
                message = $"cannot convert {what} to number; given string must be a decimal representation of a number";
            }
            else
            {
                message = $"cannot convert {got.FriendlyName} to {want.FriendlyNameForConstraint}";
            }

            return FunctionResult.Fail(message, 0);
        },
        $"Converts its argument to a {want.FriendlyNameForConstraint} value.");

    private static HclFunction Sensitive() => new(
        "sensitive",
        [AnyValue("value")],
        null,
        args => args[0].Type,
        (args, _) => args[0].Mark(HclMarks.Sensitive),
        "Treats the given value as sensitive.");

    private static HclFunction NonSensitive() => new(
        "nonsensitive",
        [AnyValue("value")],
        null,
        args => args[0].Type,
        (args, _) =>
        {
            var v = args[0];
            return v.WithExactMarks(v.Marks.Remove(HclMarks.Sensitive));
        },
        "Removes the sensitive marking from the given value.");

    private static HclFunction IsSensitive() => new(
        "issensitive",
        [AnyValue("value")],
        null,
        HclFunction.Returns(HclType.Bool),
        (args, _) =>
        {
            var v = args[0];
            if (v.IsSensitive)
            {
                return HclValue.True;
            }

            return v.IsKnown ? HclValue.False : HclValue.UnknownOf(HclType.Bool);
        },
        "Returns true if the given value is marked as sensitive.");
}
