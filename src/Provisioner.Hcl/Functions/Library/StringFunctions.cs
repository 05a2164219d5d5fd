using System.Text;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// The string functions of the standard library: chomp endswith format formatlist indent join lower regex regexall
/// replace split startswith strcontains strrev substr title trim trimprefix trimspace trimsuffix upper.
/// </summary>
/// <remarks>
/// Characters are counted as extended grapheme clusters (<see cref="System.Globalization.StringInfo"/>), as cty does
/// with its text segmentation, so <c>strrev</c> and <c>substr</c> keep combining marks and emoji sequences intact.
/// Known deviations from Terraform: <c>indent</c> with a negative count is an argument error (Terraform panics);
/// <c>format</c> rejects <c>*</c> widths/precisions, which cty's grammar accepts but never implemented; unknown
/// results carry no refinements (for example a known prefix), because values have none; regular expressions are
/// translated to .NET (see <see cref="StringRegex"/> for the remaining differences).
/// </remarks>
internal static partial class StringFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        var str = HclType.String;
        var returnsString = HclFunction.Returns(str);
        var returnsBool = HclFunction.Returns(HclType.Bool);

        HclFunction Unary(string name, Func<string, string> f, string description) =>
            new(name, [Param("str", str) with { AllowDynamicType = true }], null, returnsString,
                (a, _) => HclValue.String(f(a[0].AsString())), description);

        yield return Unary("upper", s => s.ToUpperInvariant(), "Converts all cased letters in the given string to uppercase.");
        yield return Unary("lower", s => s.ToLowerInvariant(), "Converts all cased letters in the given string to lowercase.");
        yield return Unary("strrev", Reverse, "Reverses the characters in a string.");
        yield return Unary("title", Title, "Converts the first letter of each word in the given string to uppercase.");
        yield return Unary("trimspace", TrimSpace, "Removes any consecutive space characters from the start and end of the given string.");
        yield return Unary("chomp", Chomp, "Removes one or more newline characters from the end of the given string.");

        yield return new HclFunction("substr", [Param("str", str) with { AllowDynamicType = true }, Param("offset", HclType.Number), Param("length", HclType.Number)],
            null, returnsString, Substr, "Extracts a substring from the given string.");

        yield return new HclFunction("trim", [Param("str", str), Param("cutset", str)], null, returnsString,
            (a, _) => HclValue.String(TrimCutset(a[0].AsString(), a[1].AsString())),
            "Removes the specified set of characters from the start and end of the given string.");

        yield return new HclFunction("trimprefix", [Param("str", str), Param("prefix", str)], null, returnsString,
            (a, _) =>
            {
                var s = a[0].AsString();
                var p = a[1].AsString();
                return HclValue.String(s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s);
            },
            "Removes the given prefix from the start of the given string, if present.");

        yield return new HclFunction("trimsuffix", [Param("str", str), Param("suffix", str)], null, returnsString,
            (a, _) =>
            {
                var s = a[0].AsString();
                var p = a[1].AsString();
                return HclValue.String(s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s);
            },
            "Removes the given suffix from the start of the given string, if present.");

        yield return new HclFunction("indent", [Param("spaces", HclType.Number), Param("str", str)], null, returnsString, Indent,
            "Adds a given number of spaces after each newline character in the given string.");

        yield return new HclFunction("join", [Param("separator", str)], Param("lists", HclType.List(str)), returnsString, Join,
            "Concatenates together the string elements of one or more lists with a given separator.");

        yield return new HclFunction("split", [Param("separator", str), Param("str", str)], null, HclFunction.Returns(HclType.List(str)), Split,
            "Produces a list of one or more strings by splitting the given string at all instances of a given separator substring.");

        yield return new HclFunction("replace", [Param("str", str), Param("substr", str), Param("replace", str)], null, returnsString, Replace,
            "Replaces all occurrences of a given substring (or regular expression match, if written as /re/) with a replacement.");

        yield return new HclFunction("startswith", [Param("str", str) with { AllowUnknown = true }, Param("prefix", str)], null, returnsBool,
            (a, _) =>
            {
                var prefix = a[1].AsString();
                if (!a[0].IsKnown)
                {
                    // The empty string is a prefix of every string, even one not known yet.
                    return prefix.Length == 0 ? HclValue.True : HclValue.UnknownOf(HclType.Bool);
                }

                return HclValue.Bool(a[0].AsString().StartsWith(prefix, StringComparison.Ordinal));
            },
            "Determines if the input string starts with the given prefix.");

        yield return new HclFunction("endswith", [Param("str", str), Param("suffix", str)], null, returnsBool,
            (a, _) => HclValue.Bool(a[0].AsString().EndsWith(a[1].AsString(), StringComparison.Ordinal)),
            "Determines if the input string ends with the given suffix.");

        yield return new HclFunction("strcontains", [Param("str", str), Param("substr", str)], null, returnsBool,
            (a, _) => HclValue.Bool(a[0].AsString().Contains(a[1].AsString(), StringComparison.Ordinal)),
            "Determines if the given string contains the given substring.");

        foreach (var f in CreateFormatFunctions())
        {
            yield return f;
        }

        foreach (var f in CreateRegexFunctions())
        {
            yield return f;
        }
    }

    private static string Reverse(string s)
    {
        var g = Graphemes(s);
        g.Reverse();
        return string.Concat(g);
    }

    /// <summary>Go's <c>strings.Title</c>: upper-cases (title-cases) each letter that starts a word.</summary>
    internal static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var prev = new Rune(' ');
        foreach (var r in s.EnumerateRunes())
        {
            if (IsTitleSeparator(prev))
            {
                sb.Append(ToTitle(r));
            }
            else
            {
                sb.Append(r.ToString());
            }

            prev = r;
        }

        return sb.ToString();
    }

    private static string ToTitle(Rune r)
    {
        // Go's unicode.ToTitle: the titlecase mapping, which equals the uppercase mapping except for a few digraphs.
        switch (r.Value)
        {
            case 0x01C4: case 0x01C5: case 0x01C6: return "\u01C5";
            case 0x01C7: case 0x01C8: case 0x01C9: return "\u01C8";
            case 0x01CA: case 0x01CB: case 0x01CC: return "\u01CB";
            case 0x01F1: case 0x01F2: case 0x01F3: return "\u01F2";
            default: return Rune.ToUpperInvariant(r).ToString();
        }
    }

    private static bool IsTitleSeparator(Rune r)
    {
        // Go's strings.isSeparator.
        if (r.Value <= 0x7F)
        {
            var c = (char)r.Value;
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                return false;
            }

            return true;
        }

        if (Rune.IsLetter(r) || Rune.IsDigit(r))
        {
            return false;
        }

        return Rune.IsWhiteSpace(r);
    }

    /// <summary>Go's <c>strings.TrimSpace</c> (Unicode White_Space at both ends).</summary>
    internal static string TrimSpace(string s) => s.Trim();

    /// <summary>cty's chomp: removes all trailing <c>\r\n</c>, <c>\r</c> and <c>\n</c> sequences.</summary>
    internal static string Chomp(string s)
    {
        int end = s.Length;
        while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == '\r'))
        {
            end--;
        }

        return s[..end];
    }

    /// <summary>Go's <c>strings.Trim(s, cutset)</c>: removes leading and trailing code points found in the cutset.</summary>
    internal static string TrimCutset(string s, string cutset)
    {
        if (s.Length == 0 || cutset.Length == 0)
        {
            return s;
        }

        var set = new HashSet<int>();
        foreach (var r in cutset.EnumerateRunes())
        {
            set.Add(r.Value);
        }

        int start = 0;
        while (start < s.Length)
        {
            Rune.DecodeFromUtf16(s.AsSpan(start), out var r, out var n);
            if (!set.Contains(r.Value))
            {
                break;
            }

            start += n;
        }

        int end = s.Length;
        while (end > start)
        {
            Rune.DecodeLastFromUtf16(s.AsSpan(start, end - start), out var r, out var n);
            if (!set.Contains(r.Value))
            {
                break;
            }

            end -= n;
        }

        return s[start..end];
    }

    private static FunctionResult Substr(IReadOnlyList<HclValue> a, HclType returnType)
    {
        // cty's algorithm, in grapheme clusters: a negative offset counts from the end; a negative length means
        // "to the end"; offsets past the end give "".
        if (!TryWhole(a[1], out var offset) || !TryWhole(a[2], out var length))
        {
            return FunctionResult.Fail(WholeNumberMessage);
        }

        var g = Graphemes(a[0].AsString());
        if (offset < 0)
        {
            offset += g.Count;
        }
        else if (length == 0)
        {
            return HclValue.EmptyString;
        }

        int start = 0;
        if (offset > 0)
        {
            if (offset >= g.Count)
            {
                return HclValue.EmptyString;
            }

            start = (int)offset;
        }

        if (length < 0)
        {
            return HclValue.String(string.Concat(g.Skip(start)));
        }

        // Like cty, a zero length after a negative offset takes the remainder (the seek loop never stops early).
        var take = length == 0 ? int.MaxValue : length;
        return HclValue.String(string.Concat(g.Skip(start).Take((int)Math.Min(take, int.MaxValue))));
    }

    private static FunctionResult Indent(IReadOnlyList<HclValue> a, HclType returnType)
    {
        if (!TryWhole(a[0], out var spaces))
        {
            return FunctionResult.Fail(WholeNumberMessage);
        }

        if (spaces < 0)
        {
            // Terraform panics here (strings.Repeat with a negative count); we report it as an argument error.
            return ArgFail(0, "spaces", "must not be negative");
        }

        if (spaces > 1_000_000)
        {
            return ArgFail(0, "spaces", "too many spaces");
        }

        var pad = new string(' ', (int)spaces);
        return HclValue.String(a[1].AsString().Replace("\n", "\n" + pad, StringComparison.Ordinal));
    }

    private static FunctionResult Join(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var sep = a[0].AsString();
        int listCount = a.Count - 1;
        if (listCount < 1)
        {
            return FunctionResult.Fail("at least one list is required");
        }

        for (int i = 1; i < a.Count; i++)
        {
            if (!a[i].IsWhollyKnown)
            {
                return HclValue.UnknownOf(HclType.String);
            }
        }

        var items = new List<string>();
        for (int i = 1; i < a.Count; i++)
        {
            var elems = a[i].Elements;
            for (int ei = 0; ei < elems.Count; ei++)
            {
                if (elems[ei].IsNull)
                {
                    var msg = listCount > 1
                        ? $"element {ei} of list {i} is null; cannot concatenate null values"
                        : $"element {ei} is null; cannot concatenate null values";
                    return ArgFail(i, "lists", msg);
                }

                items.Add(elems[ei].AsString());
            }
        }

        return HclValue.String(string.Join(sep, items));
    }

    private static FunctionResult Split(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var sep = a[0].AsString();
        var s = a[1].AsString();
        List<string> parts;
        if (sep.Length == 0)
        {
            // Go's strings.Split with an empty separator splits after each UTF-8 sequence (code point).
            parts = [];
            foreach (var r in s.EnumerateRunes())
            {
                parts.Add(r.ToString());
            }
        }
        else
        {
            parts = [.. s.Split(sep, StringSplitOptions.None)];
        }

        return HclValue.ListOf(HclType.String, parts.Select(HclValue.String));
    }

    private static FunctionResult Replace(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var s = a[0].AsString();
        var substr = a[1].AsString();
        var replacement = a[2].AsString();
        if (substr.Length > 1 && substr[0] == '/' && substr[^1] == '/')
        {
            if (!StringRegex.TryCompile(substr[1..^1], out var re, out var error))
            {
                return FunctionResult.Fail(error.GoMessage);
            }

            try
            {
                return HclValue.String(re.ReplaceAll(s, replacement));
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return FunctionResult.Fail(TimeoutMessage);
            }
        }

        if (substr.Length == 0)
        {
            // Go's strings.Replace with an empty old string inserts the replacement around every code point.
            var sb = new StringBuilder();
            sb.Append(replacement);
            foreach (var r in s.EnumerateRunes())
            {
                sb.Append(r.ToString()).Append(replacement);
            }

            return HclValue.String(sb.ToString());
        }

        return HclValue.String(s.Replace(substr, replacement, StringComparison.Ordinal));
    }
}
