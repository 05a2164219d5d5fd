using System.Text.RegularExpressions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

internal static partial class StringFunctions
{
    private static IEnumerable<HclFunction> CreateRegexFunctions()
    {
        var str = HclType.String;
        yield return new HclFunction("regex", [Param("pattern", str), Param("string", str)], null,
            args => args[0].IsKnown ? PatternResultType(args[0].AsString()) : HclType.Dynamic,
            RegexImpl,
            "Applies a regular expression to a string and returns the matching substrings.");

        yield return new HclFunction("regexall", [Param("pattern", str), Param("string", str)], null,
            args =>
            {
                if (!args[0].IsKnown)
                {
                    return HclType.List(HclType.Dynamic);
                }

                var t = PatternResultType(args[0].AsString());
                return t.IsSuccess ? HclType.List(t.Type) : t;
            },
            RegexAllImpl,
            "Applies a regular expression to a string and returns a list of all matches.");
    }

    /// <summary>cty's rule: no groups → string; unnamed groups → tuple of strings; named groups → object.</summary>
    private static FunctionTypeResult PatternResultType(string pattern)
    {
        if (!StringRegex.TryCompile(pattern, out var re, out var error))
        {
            return ArgTypeFail(0, "pattern", error.PatternMessage);
        }

        var names = re.GroupNames;
        int unnamed = names.Count(n => n.Length == 0);
        int named = names.Count - unnamed;
        if (names.Count == 0)
        {
            return HclType.String;
        }

        if (unnamed > 0 && named > 0)
        {
            return ArgTypeFail(0, "pattern", "invalid regexp pattern: cannot mix both named and unnamed capture groups");
        }

        if (unnamed > 0)
        {
            return HclType.Tuple(Enumerable.Repeat(HclType.String, unnamed));
        }

        return HclType.Object(names.Distinct(StringComparer.Ordinal).Select(n => new KeyValuePair<string, HclType>(n, HclType.String)));
    }

    private static FunctionResult RegexImpl(IReadOnlyList<HclValue> a, HclType returnType)
    {
        if (returnType.IsDynamic)
        {
            return HclValue.DynamicVal;
        }

        if (!StringRegex.TryCompile(a[0].AsString(), out var re, out var error))
        {
            return ArgFail(0, "pattern", "error parsing pattern: " + error.GoMessage);
        }

        var s = a[1].AsString();
        if (!TryAllMatches(re, s, out var all))
        {
            return FunctionResult.Fail(TimeoutMessage);
        }

        if (all.Count == 0)
        {
            return FunctionResult.Fail("pattern did not match any part of the given string");
        }

        return PatternResult(re, all[0], returnType);
    }

    private static FunctionResult RegexAllImpl(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var ety = returnType.ElementType;
        if (ety.IsDynamic)
        {
            return HclValue.DynamicVal;
        }

        if (!StringRegex.TryCompile(a[0].AsString(), out var re, out var error))
        {
            return ArgFail(0, "pattern", "error parsing pattern: " + error.GoMessage);
        }

        if (!TryAllMatches(re, a[1].AsString(), out var matches))
        {
            return FunctionResult.Fail(TimeoutMessage);
        }

        return HclValue.ListOf(ety, matches.Select(m => PatternResult(re, m, ety)));
    }

    /// <summary>.NET matching backtracks (RE2 does not), so pathological patterns are stopped by a timeout.</summary>
    private const string TimeoutMessage = "the regular expression took too long to evaluate";

    private static bool TryAllMatches(StringRegex re, string input, out List<Match> matches)
    {
        try
        {
            matches = re.AllMatches(input);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            matches = [];
            return false;
        }
    }

    private static HclValue PatternResult(StringRegex re, Match m, HclType type)
    {
        if (type.IsString)
        {
            return HclValue.String(m.Value);
        }

        HclValue Group(int i) => m.Groups[i].Success ? HclValue.String(m.Groups[i].Value) : HclValue.NullOf(HclType.String);

        if (type.IsTuple)
        {
            return HclValue.Tuple(Enumerable.Range(1, re.GroupNames.Count).Select(Group));
        }

        var attrs = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        for (int i = 0; i < re.GroupNames.Count; i++)
        {
            attrs[re.GroupNames[i]] = Group(i + 1);
        }

        return HclValue.Object(attrs);
    }
}
