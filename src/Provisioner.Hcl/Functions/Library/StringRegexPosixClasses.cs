namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// RE2's ASCII POSIX classes (<c>[[:alpha:]]</c>, <c>[[:^digit:]]</c>, ...) as .NET character-class bodies, for
/// <see cref="StringRegexTranslator"/>.
/// </summary>
internal static class StringRegexPosixClasses
{
    public static readonly IReadOnlyDictionary<string, string> Positive = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\u0000-\\u007F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\u0000-\\u001F\\u007F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    public static readonly IReadOnlyDictionary<string, string> Negated = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["alnum"] = "\\u0000-/:-@\\[-`{-\\uFFFF",
        ["alpha"] = "\\u0000-@\\[-`{-\\uFFFF",
        ["ascii"] = "\\u0080-\\uFFFF",
        ["blank"] = "\\u0000-\\u0008\\n-\\u001F!-\\uFFFF",
        ["cntrl"] = " -~\\u0080-\\uFFFF",
        ["digit"] = "\\u0000-/:-\\uFFFF",
        ["graph"] = "\\u0000- \\u007F-\\uFFFF",
        ["lower"] = "\\u0000-`{-\\uFFFF",
        ["print"] = "\\u0000-\\u001F\\u007F-\\uFFFF",
        ["punct"] = "\\u0000- 0-9A-Za-z\\u007F-\\uFFFF",
        ["space"] = "\\u0000-\\u0008\\u000E-\\u001F!-\\uFFFF",
        ["upper"] = "\\u0000-@\\[-\\uFFFF",
        ["word"] = "\\u0000-/:-@\\[-\\^`{-\\uFFFF",
        ["xdigit"] = "\\u0000-/:-@G-`g-\\uFFFF",
    };
}
