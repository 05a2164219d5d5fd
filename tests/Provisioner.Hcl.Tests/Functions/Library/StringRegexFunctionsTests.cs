using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class StringRegexFunctionsTests
{
    [Fact]
    public void Regex_NoGroups_ReturnsMatchedString()
    {
        Gives(S("2019"), "regex", S("[0-9]+"), S("released 2019-03"));
        Gives(S(""), "regex", S("x*"), S("abc"));
        Gives(S("ab"), "regex", S("^ab"), S("abab"));
        Gives(S("ab"), "regex", S("ab$"), S("abab"));
    }

    [Fact]
    public void Regex_UnnamedGroups_ReturnsTuple()
    {
        Gives(T(S("2019"), S("03"), S("01")), "regex", S("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), S("2019-03-01"));
        Gives(T(S("a"), Null(Str)), "regex", S("(a)|(b)"), S("a"));
        Gives(T(S("x")), "regex", S("(?:a|b)(x)"), S("bx"));
    }

    [Fact]
    public void Regex_NamedGroups_ReturnsObject()
    {
        Gives(O(("scheme", S("https")), ("host", S("example.com"))), "regex",
            S("^(?P<scheme>[a-z]+)://(?P<host>[^/]+)"), S("https://example.com/path"));
        Gives(O(("a", S("1")), ("b", Null(Str))), "regex", S("(?<a>1)|(?<b>2)"), S("1"));
    }

    [Fact]
    public void Regex_Errors()
    {
        Fails("pattern did not match any part of the given string", "regex", S("[0-9]+"), S("no digits"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.", "regex", S("(?P<a>x)(y)"), S("xy"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: missing closing ) in (abc.", "regex", S("(abc"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: unexpected ) in abc).", "regex", S("abc)"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: missing closing ] in [abc.", "regex", S("[abc"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid escape sequence in \\1.", "regex", S("(a)\\1"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?!.", "regex", S("a(?!b)"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: missing argument to repetition operator in *.", "regex", S("*a"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid nested repetition operator in **.", "regex", S("a**"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid repeat count in {1001}.", "regex", S("a{1001}"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: trailing backslash at end of expression in .", "regex", S("a\\"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid character class range in z-a.", "regex", S("[z-a]"), S("x"));
        Fails("Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid escape sequence in \\e.", "regex", S("\\e"), S("x"));
    }

    [Fact]
    public void Regex_Unknowns()
    {
        Same(HclValue.DynamicVal, Ok("regex", U(Str), S("x")));
        Same(U(Str), Ok("regex", S("a"), U(Str)));
        Same(U(TupleT(Str)), Ok("regex", S("(a)"), U(Str)));
        Same(U(ListT(Dyn)), Ok("regexall", U(Str), S("x")));
        Same(U(ListT(Str)), Ok("regexall", S("a"), U(Str)));
    }

    [Fact]
    public void Regex_Sensitive_ResultIsSensitive() => Same(Sens(S("1")), Ok("regex", S("\\d"), Sens(S("a1"))));

    [Fact]
    public void RegexAll_Cases()
    {
        Gives(L(S("2019"), S("03"), S("01")), "regexall", S("[0-9]+"), S("2019-03-01"));
        Gives(LOf(Str), "regexall", S("[0-9]+"), S("none"));
        Gives(L(T(S("a"), S("1")), T(S("b"), S("2"))), "regexall", S("([a-z])=(\\d)"), S("a=1,b=2"));
        Gives(L(O(("k", S("a"))), O(("k", S("b")))), "regexall", S("(?P<k>[a-z])"), S("a-b"));
        Gives(L(S(""), S("b"), S("")), "regexall", S("b*"), S("abc"));
        Gives(LOf(TupleT(Str)), "regexall", S("(x)"), S("abc"));
    }

    public static TheoryData<string, string, string> Re2Semantics => new()
    {
        // \d, \w, \s and \b are ASCII-only in RE2.
        { "\\d+", "٣٤5", "5" },
        { "\\w+", "éa_1", "a_1" },
        { "[\\w]+", "éa_1", "a_1" },
        { "\\bfoo\\b", "éfoo foo", "foo" },
        { "[[:alpha:]]+", "12abC3", "abC" },
        { "[[:^digit:]]+", "12ab3", "ab" },
        { "\\pL+", "12日本3", "日本" },
        { "\\p{Lu}+", "abCDe", "CD" },
        { "\\Qa.b\\E", "axb a.b", "a.b" },
        { "\\x{65e5}", "日本", "日" },
        { "\\x41", "zA", "A" },
        { "(?i)abc", "xABC", "ABC" },
        { "(?s)a.b", "a\nb", "a\nb" },
        { "(?U)a+", "aaa", "a" },
        { "(?U)a+?", "aaa", "aaa" },
        { "a.c", "a💃c", "a💃c" },
        { "a[^x]c", "a💃c", "a💃c" },
        { "^.$", "💃", "💃" },
        { "x{2}", "xxx", "xx" },
        { "a{,2}", "a{,2}", "a{,2}" },
        { "\\101", "A", "A" },
        { "a|ab", "ab", "a" },
        { "(?m)^b", "a\nb", "b" },
    };

    [Theory]
    [MemberData(nameof(Re2Semantics))]
    public void Regex_Re2Semantics(string pattern, string input, string expected) => Gives(S(expected), "regex", S(pattern), S(input));

    [Fact]
    public void Regex_DollarIsEndOfText()
    {
        Fails("pattern did not match any part of the given string", "regex", S("a$"), S("a\n"));
        Gives(S("a"), "regex", S("(?m)a$"), S("a\n"));
    }

    public static TheoryData<string, string, string> ClassAndGroupCases => new()
    {
        { "[]a]+", "xa]b", "a]" },
        { "[^]a]+", "a]bc", "bc" },
        { "[a-]+", "x-a-", "-a-" },
        { "[a\\-z]+", "b-az", "-az" },
        { "[\\.]+", "a..b", ".." },
        { "[$^]+", "a$^", "$^" },
        { "[[:word:]]+", "-ab_1-", "ab_1" },
        { "[^[:space:]]+", "  ab ", "ab" },
        { "[\\d\\s]+", "a1 2b", "1 2" },
        { "[^\\d]+", "12ab3", "ab" },
        { "[😀-😂]+", "a😁😀b", "😁😀" },
        { "[a😀]+", "ba😀a", "a😀a" },
        { "[^😀]+", "😀x😁😀", "x😁" },
        { "[\\x{1F600}]", "a😀", "😀" },
        { "[^a]", "💃", "💃" },
        { "(?i:ab)c", "ABC ABc", "ABc" },
        { "\\Q(a)\\E", "(a)", "(a)" },
        { "\\Qa.b", "axb a.b", "a.b" },
        { "\\x{1F600}", "a😀", "😀" },
        { "a{2,3}", "aaaa", "aaa" },
        { "a{2,}?", "aaaa", "aa" },
        { "(?s:.)+", "a\nb", "a\nb" },
        { "\\Aab", "abab", "ab" },
        { "ab\\z", "abab", "ab" },
    };

    [Theory]
    [MemberData(nameof(ClassAndGroupCases))]
    public void Regex_ClassesAndGroups(string pattern, string input, string expected) => Gives(S(expected), "regex", S(pattern), S(input));

    [Fact]
    public void Regex_GroupScopedFlags()
    {
        Gives(T(S("aB")), "regex", S("(a(?i)b)c"), S("aBC aBc"));
        Gives(T(S("ab"), S("a"), S("b")), "regex", S("((a)(b))"), S("ab"));
        Gives(T(Null(Str)), "regex", S("(a)|b"), S("b"));
        Fails("pattern did not match any part of the given string", "regex", S("a.b"), S("a\nb"));
        Gives(S(" "), "regex", S("\\s"), S("a\u00a0b c"));
        Gives(T(S("x"), S("y")), "regex", S("(?m)^(x)$\\n^(y)$"), S("x\ny"));
    }

    [Fact]
    public void Replace_EmptyMatchesFollowGo()
    {
        Gives(S("-a-b-"), "replace", S("ab"), S("/x*/"), S("-"));
        Gives(S("-b-"), "replace", S("aab"), S("/a*/"), S("-"));
        Gives(S("-😀-"), "replace", S("😀"), S("/x*/"), S("-"));
        Gives(S("[a][b]"), "replace", S("ab"), S("/(?P<c>.)/"), S("[$c]"));
        Gives(S("[]"), "replace", S("a"), S("/(a)/"), S("[$2]"));
        Gives(S("$"), "replace", S("a"), S("/a/"), S("$"));
        Gives(S("${"), "replace", S("a"), S("/a/"), S("${"));
        Gives(S("a"), "replace", S("a"), S("/(a)/"), S("${1}"));
        Gives(S("a!"), "replace", S("a"), S("/(a)/"), S("$01!"));
    }
}
