using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// A regular expression written in Go's RE2 syntax (what Terraform uses), translated to a .NET <see cref="Regex"/>.
/// </summary>
/// <remarks>
/// The translation keeps RE2's meaning where .NET differs:
/// <list type="bullet">
/// <item><c>$</c> without the <c>m</c> flag is end of text (<c>\z</c>), not "before a final newline".</item>
/// <item><c>\d \w \s \b \B</c> are ASCII-only; <c>[[:alpha:]]</c>-style POSIX classes are expanded.</item>
/// <item><c>.</c> and negated classes consume a whole code point (a surrogate pair), not one UTF-16 unit.</item>
/// <item><c>(?P&lt;name&gt;re)</c>, <c>\Q...\E</c>, <c>\x{10FFFF}</c>, octal escapes and the <c>U</c> (ungreedy) flag are supported.</item>
/// <item>Every capture group becomes a numbered .NET group, so group numbers match RE2's (named groups keep their
/// names in <see cref="GroupNames"/>).</item>
/// <item>Constructs RE2 rejects (backreferences, lookaround, atomic groups, possessive quantifiers, unknown escapes)
/// are rejected with Go's error codes.</item>
/// <item>Global iteration (regexall, replace) follows Go: an empty match right after a previous match is skipped.</item>
/// </list>
/// Known deviations: matching is backtracking (leftmost-first like RE2 for alternation, but exponential patterns
/// are slow rather than linear; a 2s timeout applies); Unicode script classes such as <c>\p{Greek}</c> are not
/// supported by .NET and are rejected; case-insensitive matching uses .NET's invariant case folding; the
/// <c>Expr</c> part of some error messages (for errors .NET detects rather than the translator) is the whole pattern.
/// </remarks>
internal sealed class StringRegex
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private StringRegex(Regex regex, IReadOnlyList<string> groupNames)
    {
        Regex = regex;
        GroupNames = groupNames;
    }

    public Regex Regex { get; }

    /// <summary>Names of capture groups 1..n ("" for unnamed), in RE2 order.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StringRegex> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles (or reuses) the translation of an RE2 pattern.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out StringRegex? regex, [NotNullWhen(false)] out StringRegexError? error)
    {
        if (Cache.TryGetValue(pattern, out regex))
        {
            error = null;
            return true;
        }

        if (!TryCompileUncached(pattern, out regex, out error))
        {
            return false;
        }

        if (Cache.Count >= 512)
        {
            Cache.Clear();
        }

        Cache.TryAdd(pattern, regex);
        return true;
    }

    private static bool TryCompileUncached(string pattern, [NotNullWhen(true)] out StringRegex? regex, [NotNullWhen(false)] out StringRegexError? error)
    {
        regex = null;
        var t = new StringRegexTranslator(pattern);
        if (!t.Run(out var translated, out error))
        {
            return false;
        }

        try
        {
            var re = new Regex(translated, RegexOptions.CultureInvariant, Timeout);
            regex = new StringRegex(re, t.Names);
            return true;
        }
        catch (ArgumentException ex)
        {
            var code = ex is RegexParseException rpe ? MapError(rpe.Error) : "invalid regexp";
            error = new StringRegexError(code, pattern);
            return false;
        }
    }

    private static string MapError(RegexParseError e) => e switch
    {
        RegexParseError.InsufficientClosingParentheses => "missing closing )",
        RegexParseError.InsufficientOpeningParentheses => "unexpected )",
        RegexParseError.UnterminatedBracket => "missing closing ]",
        RegexParseError.QuantifierAfterNothing => "missing argument to repetition operator",
        RegexParseError.NestedQuantifiersNotParenthesized => "invalid nested repetition operator",
        RegexParseError.ReversedCharacterRange => "invalid character class range",
        RegexParseError.ReversedQuantifierRange => "invalid repeat count",
        RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.UnrecognizedUnicodeProperty or RegexParseError.MalformedUnicodePropertyEscape => "invalid character class range",
        _ => "invalid regexp",
    };

    /// <summary>All matches with Go's rules for empty matches (<c>FindAllStringSubmatchIndex(s, -1)</c>).</summary>
    public List<Match> AllMatches(string input)
    {
        var result = new List<Match>();
        int pos = 0;
        int prevEnd = -1;
        while (pos <= input.Length)
        {
            var m = Regex.Match(input, pos);
            if (!m.Success)
            {
                break;
            }

            int end = m.Index + m.Length;
            bool accept = true;
            if (end == pos)
            {
                if (m.Index == prevEnd)
                {
                    accept = false;
                }

                pos += pos < input.Length ? RuneWidth(input, pos) : 1;
            }
            else
            {
                pos = end;
            }

            prevEnd = end;
            if (accept)
            {
                result.Add(m);
            }
        }

        return result;
    }

    /// <summary>Go's <c>ReplaceAllString</c>: <c>$1</c>, <c>${1}</c>, <c>$name</c>, <c>${name}</c> and <c>$$</c> in the template.</summary>
    public string ReplaceAll(string src, string template)
    {
        var sb = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.Length)
        {
            var m = Regex.Match(src, searchPos);
            if (!m.Success)
            {
                break;
            }

            int a0 = m.Index;
            int a1 = m.Index + m.Length;
            sb.Append(src, lastMatchEnd, a0 - lastMatchEnd);
            if (a1 > lastMatchEnd || a0 == 0)
            {
                Expand(sb, template, m);
            }

            lastMatchEnd = a1;
            int width = searchPos < src.Length ? RuneWidth(src, searchPos) : 0;
            if (searchPos + width > a1)
            {
                searchPos += width;
            }
            else if (searchPos + 1 > a1)
            {
                searchPos++;
            }
            else
            {
                searchPos = a1;
            }
        }

        sb.Append(src, lastMatchEnd, src.Length - lastMatchEnd);
        return sb.ToString();
    }

    private void Expand(StringBuilder sb, string template, Match m)
    {
        int i = 0;
        while (i < template.Length)
        {
            int dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            if (!TryExtractName(template, i, out var name, out var rest))
            {
                sb.Append('$');
                continue;
            }

            i = rest;
            int num = ParseGroupNumber(name);
            if (num >= 0)
            {
                if (num < m.Groups.Count && m.Groups[num].Success)
                {
                    sb.Append(m.Groups[num].Value);
                }
            }
            else
            {
                for (int g = 0; g < GroupNames.Count; g++)
                {
                    if (GroupNames[g] == name)
                    {
                        if (m.Groups[g + 1].Success)
                        {
                            sb.Append(m.Groups[g + 1].Value);
                        }

                        break;
                    }
                }
            }
        }
    }

    private static bool TryExtractName(string s, int i, out string name, out int rest)
    {
        name = "";
        rest = i;
        if (i >= s.Length)
        {
            return false;
        }

        bool brace = false;
        if (s[i] == '{')
        {
            brace = true;
            i++;
        }

        int start = i;
        while (i < s.Length)
        {
            Rune.DecodeFromUtf16(s.AsSpan(i), out var r, out var n);
            if (!(Rune.IsLetter(r) || Rune.IsDigit(r) || r.Value == '_'))
            {
                break;
            }

            i += n;
        }

        if (i == start)
        {
            return false;
        }

        name = s[start..i];
        if (brace)
        {
            if (i >= s.Length || s[i] != '}')
            {
                return false;
            }

            i++;
        }

        rest = i;
        return true;
    }

    private static int ParseGroupNumber(string name)
    {
        int num = 0;
        foreach (var c in name)
        {
            if (c < '0' || c > '9' || num >= 100_000_000)
            {
                return -1;
            }

            num = (num * 10) + (c - '0');
        }

        return num;
    }

    private static int RuneWidth(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
}
