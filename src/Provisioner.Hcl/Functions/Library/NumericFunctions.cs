using System.Globalization;
using System.Numerics;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The numeric functions of the standard library: abs ceil floor log max min parseint pow signum sum.</summary>
internal static class NumericFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        var num = HclType.Number;
        var fixedNumber = HclFunction.Returns(num);

        yield return new HclFunction("abs", [Param("num", num) with { AllowDynamicType = true }], null, fixedNumber,
            (a, _) => HclValue.Number(a[0].AsNumber().Abs()),
            "Returns the absolute value of the given number.");

        yield return new HclFunction("ceil", [Param("num", num)], null, fixedNumber,
            (a, _) => HclValue.Number(a[0].AsNumber().Ceiling()),
            "Returns the closest whole number that is greater than or equal to the given value.");

        yield return new HclFunction("floor", [Param("num", num)], null, fixedNumber,
            (a, _) => HclValue.Number(a[0].AsNumber().Floor()),
            "Returns the closest whole number that is less than or equal to the given value.");

        yield return new HclFunction("log", [Param("num", num), Param("base", num)], null, fixedNumber, Log,
            "Returns the logarithm of a given number in a given base.");

        yield return new HclFunction("pow", [Param("num", num), Param("power", num)], null, fixedNumber, Pow,
            "Calculates an exponent, by raising its first argument to the power of the second argument.");

        yield return new HclFunction("max", [], Param("numbers", num) with { AllowDynamicType = true }, fixedNumber,
            (a, _) => Extreme(a, max: true),
            "Takes one or more numbers and returns the greatest number from the set.");

        yield return new HclFunction("min", [], Param("numbers", num) with { AllowDynamicType = true }, fixedNumber,
            (a, _) => Extreme(a, max: false),
            "Takes one or more numbers and returns the smallest number from the set.");

        yield return new HclFunction("signum", [Param("num", num)], null, fixedNumber, Signum,
            "Determines the sign of a number, returning a number between -1 and 1 to represent the sign.");

        yield return new HclFunction(
            "parseint",
            [Param("number", HclType.Dynamic) with { AllowMarked = true }, Param("base", num) with { AllowMarked = true }],
            null,
            args => args[0].Type.IsString
                ? HclType.Number
                : ArgTypeFail(0, "number", $"first argument must be a string, not {args[0].Type.FriendlyName}"),
            ParseInt,
            "Parses the given string as a representation of an integer in the specified base and returns the resulting number.");

        yield return new HclFunction("sum", [Param("list", HclType.Dynamic)], null, fixedNumber, Sum,
            "Takes a list or set of numbers and returns the sum of those numbers.");
    }

    private static FunctionResult Log(IReadOnlyList<HclValue> a, HclType _)
    {
        // cty computes math.Log(num) / math.Log(base) in float64.
        return HclNumber.TryLog(a[0].AsNumber(), a[1].AsNumber(), out var r, out var err)
            ? HclValue.Number(r)
            : FunctionResult.Fail(err ?? "the result is not a number");
    }

    private static FunctionResult Pow(IReadOnlyList<HclValue> a, HclType _)
    {
        // cty computes math.Pow(num, power) in float64.
        return HclNumber.TryPow(a[0].AsNumber(), a[1].AsNumber(), out var r, out var err)
            ? HclValue.Number(r)
            : FunctionResult.Fail(err ?? "the result is not a number");
    }

    private static FunctionResult Extreme(IReadOnlyList<HclValue> a, bool max)
    {
        if (a.Count == 0)
        {
            return FunctionResult.Fail("must pass at least one number");
        }

        var best = max ? HclNumber.NegativeInfinity : HclNumber.PositiveInfinity;
        foreach (var v in a)
        {
            var n = v.AsNumber();
            if (max ? n > best : n < best)
            {
                best = n;
            }
        }

        return HclValue.Number(best);
    }

    private static FunctionResult Signum(IReadOnlyList<HclValue> a, HclType _)
    {
        // Terraform converts the argument to a Go int first, so fractions are rejected.
        if (!TryWhole(a[0], out var n))
        {
            return FunctionResult.Fail(WholeNumberMessage);
        }

        return HclValue.Number(Math.Sign(n));
    }

    private static FunctionResult ParseInt(IReadOnlyList<HclValue> a, HclType _)
    {
        var (numArg, numMarks) = a[0].Unmark();
        var (baseArg, baseMarks) = a[1].Unmark();
        if (numArg.Type.IsString && numArg.ContainsMarks())
        {
            var (deep, deepMarks) = numArg.UnmarkDeep();
            numArg = deep;
            numMarks = numMarks.Union(deepMarks);
        }

        var text = numArg.AsString();
        if (!TryWhole(baseArg, out var b))
        {
            return ArgFail(1, "base", WholeNumberMessage);
        }

        if (b < 2 || b > 62)
        {
            return ArgFail(1, "base", "base must be a whole number between 2 and 62 inclusive");
        }

        if (!TryParseBigInteger(text, (int)b, out var value))
        {
            var baseText = baseMarks.Contains(HclMarks.Sensitive) || baseMarks.Contains(HclMarks.Ephemeral)
                ? "(sensitive value)"
                : b.ToString(CultureInfo.InvariantCulture);
            return ArgFail(0, "number", $"cannot parse {EncodingText.Redact(text, numMarks)} as a base {baseText} integer");
        }

        return HclValue.Number(value).WithMarks(numMarks.Union(baseMarks));
    }

    /// <summary>Go's <c>big.Int.SetString(s, base)</c> for 2 ≤ base ≤ 62 (no prefixes, no underscores).</summary>
    internal static bool TryParseBigInteger(string s, int numberBase, out BigInteger value)
    {
        value = BigInteger.Zero;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        if (i >= s.Length)
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            char c = s[i];
            int d;
            if (c >= '0' && c <= '9')
            {
                d = c - '0';
            }
            else if (c >= 'a' && c <= 'z')
            {
                d = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                d = numberBase <= 36 ? c - 'A' + 10 : c - 'A' + 36;
            }
            else
            {
                return false;
            }

            if (d >= numberBase)
            {
                return false;
            }

            value = (value * numberBase) + d;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static FunctionResult Sum(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var list = a[0];
        var t = list.Type;
        if (!(t.IsList || t.IsSet || t.IsTuple || t.IsMap || t.IsObject))
        {
            return ArgFail(0, "list", "cannot sum noniterable");
        }

        if (list.LengthInt() == 0)
        {
            return ArgFail(0, "list", "cannot sum an empty list");
        }

        if (!IsSequence(t))
        {
            return ArgFail(0, "list", $"argument must be list, set, or tuple. Received {t.FriendlyName}");
        }

        if (!list.IsWhollyKnown)
        {
            return HclValue.UnknownOf(HclType.Number);
        }

        HclNumber total = default;
        var first = true;
        foreach (var e in list.Elements)
        {
            if (e.IsNull)
            {
                return ArgFail(0, "list", "argument must be list, set, or tuple of number values");
            }

            var conv = HclConvert.Convert(e, HclType.Number);
            if (!conv.IsSuccess)
            {
                return ArgFail(0, "list", "argument must be list, set, or tuple of number values");
            }

            var n = conv.Value!.AsNumber();
            if (first)
            {
                total = n;
                first = false;
                continue;
            }

            if (!HclNumber.TryAdd(total, n, out total, out _))
            {
                return FunctionResult.Fail("can't compute sum of opposing infinities");
            }
        }

        return HclValue.Number(total);
    }
}
