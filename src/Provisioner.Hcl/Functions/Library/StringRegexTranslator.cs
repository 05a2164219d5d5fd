using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>Scans RE2 syntax and writes the equivalent .NET pattern.</summary>
internal sealed class StringRegexTranslator(string pattern)
{
    private const string Word = "0-9A-Za-z_";
    private const string AnyCodePoint = "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|.)";

    private readonly string _p = pattern;
    private readonly StringBuilder _out = new();
    private readonly Stack<(bool Multi, bool Ungreedy)> _flagStack = new();
    private int _i;
    private bool _multi;
    private bool _ungreedy;
    private bool _canRepeat;

    public List<string> Names { get; } = [];

    public bool Run(out string translated, [NotNullWhen(false)] out StringRegexError? error)
    {
        translated = "";
        error = null;
        while (_i < _p.Length)
        {
            char c = _p[_i];
            switch (c)
            {
                case '(':
                    if (!Group(out error))
                    {
                        return false;
                    }

                    break;
                case ')':
                    if (_flagStack.Count == 0)
                    {
                        error = new("unexpected )", _p);
                        return false;
                    }

                    (_multi, _ungreedy) = _flagStack.Pop();
                    _out.Append(')');
                    _i++;
                    _canRepeat = true;
                    break;
                case '|':
                    _out.Append('|');
                    _i++;
                    _canRepeat = false;
                    break;
                case '*':
                case '+':
                case '?':
                    if (!Repeat(c.ToString(), 1, out error))
                    {
                        return false;
                    }

                    break;
                case '{':
                    if (TryRepeatBraces(out var braceText, out var braceLen, out error))
                    {
                        if (!Repeat(braceText, braceLen, out error))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        if (error is not null)
                        {
                            return false;
                        }

                        _out.Append("\\{");
                        _i++;
                        _canRepeat = true;
                    }

                    break;
                case '[':
                    if (!CharClass(out error))
                    {
                        return false;
                    }

                    _canRepeat = true;
                    break;
                case '\\':
                    if (!Escape(out error))
                    {
                        return false;
                    }

                    break;
                case '.':
                    _out.Append(AnyCodePoint);
                    _i++;
                    _canRepeat = true;
                    break;
                case '$':
                    _out.Append(_multi ? "(?=\\n|\\z)" : "\\z");
                    _i++;
                    _canRepeat = true;
                    break;
                case '^':
                    _out.Append(_multi ? "(?<=\\A|\\n)" : "\\A");
                    _i++;
                    _canRepeat = true;
                    break;
                case '#':
                case ' ':
                    _out.Append('\\').Append(c);
                    _i++;
                    _canRepeat = true;
                    break;
                default:
                    AppendLiteralAt();
                    _canRepeat = true;
                    break;
            }
        }

        if (_flagStack.Count > 0)
        {
            error = new("missing closing )", _p);
            return false;
        }

        translated = _out.ToString();
        return true;
    }

    private void AppendLiteralAt()
    {
        Rune.DecodeFromUtf16(_p.AsSpan(_i), out var r, out var n);
        AppendLiteral(r);
        _i += n;
    }

    private void AppendLiteral(Rune r)
    {
        var s = r.ToString();
        if (r.IsBmp)
        {
            _out.Append(Regex.Escape(s));
        }
        else
        {
            _out.Append("(?:").Append(s).Append(')');
        }
    }

    private bool Repeat(string op, int length, [NotNullWhen(false)] out StringRegexError? error)
    {
        error = null;
        if (!_canRepeat)
        {
            error = new("missing argument to repetition operator", _p.Substring(_i, length));
            return false;
        }

        int start = _i;
        _i += length;
        bool lazy = false;
        if (_i < _p.Length && _p[_i] == '?')
        {
            lazy = true;
            _i++;
        }

        // RE2 rejects a repetition operator applied directly to another (a**, a+*, a*+).
        if (_i < _p.Length && (_p[_i] == '*' || _p[_i] == '+' || _p[_i] == '?'))
        {
            error = new("invalid nested repetition operator", _p.Substring(start, _i + 1 - start));
            return false;
        }

        if (_ungreedy)
        {
            lazy = !lazy;
        }

        _out.Append(op);
        if (lazy)
        {
            _out.Append('?');
        }

        _canRepeat = false;
        return true;
    }

    private bool TryRepeatBraces(out string text, out int length, out StringRegexError? error)
    {
        text = "";
        length = 0;
        error = null;
        int j = _i + 1;
        int minStart = j;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            j++;
        }

        if (j == minStart || j >= _p.Length)
        {
            return false;
        }

        string minText = _p[minStart..j];
        string? maxText = null;
        bool hasComma = false;
        if (_p[j] == ',')
        {
            hasComma = true;
            j++;
            int maxStart = j;
            while (j < _p.Length && char.IsAsciiDigit(_p[j]))
            {
                j++;
            }

            if (j > maxStart)
            {
                maxText = _p[maxStart..j];
            }
        }

        if (j >= _p.Length || _p[j] != '}')
        {
            return false;
        }

        length = j + 1 - _i;
        text = _p.Substring(_i, length);
        bool okMin = int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min) && min <= 1000;
        int max = -1;
        bool okMax = maxText is null || (int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) && max <= 1000);
        if (!okMin || !okMax || (maxText is not null && max < min))
        {
            error = new("invalid repeat count", text);
            return false;
        }

        text = hasComma ? (maxText is null ? $"{{{min},}}" : $"{{{min},{max}}}") : $"{{{min}}}";
        return true;
    }

    private bool Group([NotNullWhen(false)] out StringRegexError? error)
    {
        error = null;
        _flagStack.Push((_multi, _ungreedy));
        if (_i + 1 < _p.Length && _p[_i + 1] == '?')
        {
            // (?P<name>re), (?<name>re), (?flags), (?flags:re)
            int j = _i + 2;
            if (j < _p.Length && (_p[j] == 'P' || _p[j] == '<'))
            {
                int nameStart = _p[j] == 'P' ? j + 2 : j + 1;
                if (_p[j] == 'P' && (j + 1 >= _p.Length || _p[j + 1] != '<'))
                {
                    error = new("invalid or unsupported Perl syntax", _p.Substring(_i, Math.Min(4, _p.Length - _i)));
                    return false;
                }

                int close = _p.IndexOf('>', nameStart);
                if (close < 0)
                {
                    error = new("invalid named capture", _p[_i..]);
                    return false;
                }

                string name = _p[nameStart..close];
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    error = new("invalid named capture", _p[_i..(close + 1)]);
                    return false;
                }

                Names.Add(name);
                _out.Append('(');
                _i = close + 1;
                _canRepeat = false;
                return true;
            }

            var multi = _multi;
            var ungreedy = _ungreedy;
            var flagText = new StringBuilder();
            bool negate = false;
            bool sawFlag = false;
            while (j < _p.Length)
            {
                char f = _p[j];
                switch (f)
                {
                    case 'i':
                    case 's':
                    case 'm':
                    case 'U':
                        sawFlag = true;
                        if (f == 'm')
                        {
                            multi = !negate;
                        }
                        else if (f == 'U')
                        {
                            ungreedy = !negate;
                        }
                        else
                        {
                            flagText.Append(f);
                        }

                        j++;
                        continue;
                    case '-':
                        if (negate)
                        {
                            break;
                        }

                        negate = true;
                        sawFlag = false;
                        flagText.Append('-');
                        j++;
                        continue;
                    case ':':
                    case ')':
                        if (negate && !sawFlag)
                        {
                            break;
                        }

                        var flags = flagText.ToString().TrimEnd('-');
                        if (f == ')')
                        {
                            // Flags apply to the rest of the enclosing group.
                            _flagStack.Pop();
                            _multi = multi;
                            _ungreedy = ungreedy;
                            if (flags.Length > 0)
                            {
                                _out.Append("(?").Append(flags).Append(')');
                            }
                        }
                        else
                        {
                            _multi = multi;
                            _ungreedy = ungreedy;
                            _out.Append("(?").Append(flags).Append(':');
                        }

                        _i = j + 1;
                        _canRepeat = false;
                        return true;
                }

                break;
            }

            error = new("invalid or unsupported Perl syntax", _p.Substring(_i, Math.Min(j + 1, _p.Length) - _i));
            return false;
        }

        Names.Add("");
        _out.Append('(');
        _i++;
        _canRepeat = false;
        return true;
    }

    private bool Escape([NotNullWhen(false)] out StringRegexError? error)
    {
        error = null;
        if (_i + 1 >= _p.Length)
        {
            error = new("trailing backslash at end of expression", "");
            return false;
        }

        char c = _p[_i + 1];
        _canRepeat = true;
        switch (c)
        {
            case 'A':
                _out.Append("\\A");
                _i += 2;
                return true;
            case 'z':
                _out.Append("\\z");
                _i += 2;
                return true;
            case 'b':
                _out.Append($"(?:(?<=[{Word}])(?![{Word}])|(?<![{Word}])(?=[{Word}]))");
                _i += 2;
                return true;
            case 'B':
                _out.Append($"(?:(?<=[{Word}])(?=[{Word}])|(?<![{Word}])(?![{Word}]))");
                _i += 2;
                return true;
            case 'Q':
                {
                    int end = _p.IndexOf("\\E", _i + 2, StringComparison.Ordinal);
                    string lit = end < 0 ? _p[(_i + 2)..] : _p[(_i + 2)..end];
                    foreach (var r in lit.EnumerateRunes())
                    {
                        AppendLiteral(r);
                    }

                    _i = end < 0 ? _p.Length : end + 2;
                    return true;
                }
        }

        if (!ClassEscape(inClass: false, out var text, out error))
        {
            return false;
        }

        _out.Append(text);
        return true;
    }

    /// <summary>An escape usable both inside and outside classes; advances past it.</summary>
    private bool ClassEscape(bool inClass, out string text, [NotNullWhen(false)] out StringRegexError? error)
    {
        text = "";
        error = null;
        if (_i + 1 >= _p.Length)
        {
            error = new("trailing backslash at end of expression", "");
            return false;
        }

        char c = _p[_i + 1];
        switch (c)
        {
            case 'd': text = inClass ? "0-9" : "[0-9]"; _i += 2; return true;
            case 'D': text = inClass ? "\\u0000-/:-\\uFFFF" : "[^0-9]"; _i += 2; return true;
            case 'w': text = inClass ? Word : $"[{Word}]"; _i += 2; return true;
            case 'W': text = inClass ? "\\u0000-/:-@\\[-\\^`{-\\uFFFF" : $"[^{Word}]"; _i += 2; return true;
            case 's': text = inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]"; _i += 2; return true;
            case 'S': text = inClass ? "\\u0000-\\u0008\\u000B\\u000E-\\u001F!-\\uFFFF" : "[^\\t\\n\\f\\r ]"; _i += 2; return true;
            case 'a': text = "\\a"; _i += 2; return true;
            case 'f': text = "\\f"; _i += 2; return true;
            case 'n': text = "\\n"; _i += 2; return true;
            case 'r': text = "\\r"; _i += 2; return true;
            case 't': text = "\\t"; _i += 2; return true;
            case 'v': text = "\\v"; _i += 2; return true;
            case 'p':
            case 'P':
                return UnicodeClass(c == 'P', inClass, out text, out error);
            case 'x':
                return HexEscape(inClass, out text, out error);
            case >= '0' and <= '7':
                {
                    // Octal: \0, \0nn, or \1nn..\7nn (a single non-zero digit would be a backreference).
                    int j = _i + 1;
                    if (c != '0' && (j + 1 >= _p.Length || _p[j + 1] < '0' || _p[j + 1] > '7'))
                    {
                        error = new("invalid escape sequence", _p.Substring(_i, 2));
                        return false;
                    }

                    int v = 0;
                    int k = 0;
                    while (k < 3 && j < _p.Length && _p[j] >= '0' && _p[j] <= '7')
                    {
                        v = (v * 8) + (_p[j] - '0');
                        j++;
                        k++;
                    }

                    _i = j;
                    text = Lit(new Rune(v), inClass);
                    return true;
                }
        }

        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            text = "\\" + c;
            _i += 2;
            return true;
        }

        Rune.DecodeFromUtf16(_p.AsSpan(_i + 1), out _, out var n);
        error = new("invalid escape sequence", _p.Substring(_i, 1 + n));
        return false;
    }

    private static string Lit(Rune r, bool inClass)
    {
        if (r.IsBmp)
        {
            return "\\u" + r.Value.ToString("X4", CultureInfo.InvariantCulture);
        }

        var s = r.ToString();
        return inClass ? s : "(?:" + s + ")";
    }

    private bool HexEscape(bool inClass, out string text, [NotNullWhen(false)] out StringRegexError? error)
    {
        text = "";
        error = null;
        int j = _i + 2;
        int value;
        if (j < _p.Length && _p[j] == '{')
        {
            int close = _p.IndexOf('}', j);
            if (close < 0 || close == j + 1 || !int.TryParse(_p.AsSpan(j + 1, close - j - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) || value > 0x10FFFF)
            {
                error = new("invalid escape sequence", _p.Substring(_i, Math.Min(_p.Length, close < 0 ? _p.Length : close + 1) - _i));
                return false;
            }

            _i = close + 1;
        }
        else
        {
            if (j + 2 > _p.Length || !int.TryParse(_p.AsSpan(j, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
            {
                error = new("invalid escape sequence", _p.Substring(_i, Math.Min(4, _p.Length - _i)));
                return false;
            }

            _i = j + 2;
        }

        if (value >= 0xD800 && value <= 0xDFFF)
        {
            value = 0xFFFD;
        }

        text = Lit(new Rune(value), inClass);
        return true;
    }

    private bool UnicodeClass(bool negated, bool inClass, out string text, [NotNullWhen(false)] out StringRegexError? error)
    {
        text = "";
        error = null;
        int j = _i + 2;
        string name;
        if (j < _p.Length && _p[j] == '{')
        {
            int close = _p.IndexOf('}', j);
            if (close < 0)
            {
                error = new("invalid character class range", _p[_i..]);
                return false;
            }

            name = _p[(j + 1)..close];
            j = close + 1;
        }
        else if (j < _p.Length)
        {
            name = _p[j].ToString();
            j++;
        }
        else
        {
            error = new("invalid character class range", _p[_i..]);
            return false;
        }

        string raw = _p[_i..j];
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        if (name == "Any")
        {
            text = negated ? (inClass ? "" : "[^\\u0000-\\uFFFF]") : (inClass ? "\\u0000-\\uFFFF" : AnyCodePoint.Replace(".", "[\\s\\S]", StringComparison.Ordinal));
            _i = j;
            return true;
        }

        try
        {
            _ = new Regex("\\p{" + name + "}", RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            error = new("invalid character class range", raw);
            return false;
        }

        text = (negated ? "\\P{" : "\\p{") + name + "}";
        _i = j;
        return true;
    }

    private bool CharClass([NotNullWhen(false)] out StringRegexError? error)
    {
        error = null;
        int start = _i;
        _i++;
        bool negated = false;
        if (_i < _p.Length && _p[_i] == '^')
        {
            negated = true;
            _i++;
        }

        var body = new StringBuilder();
        var astral = new List<(int Lo, int Hi)>();
        bool first = true;
        while (true)
        {
            if (_i >= _p.Length)
            {
                error = new("missing closing ]", _p[start..]);
                return false;
            }

            char c = _p[_i];
            if (c == ']' && !first)
            {
                _i++;
                break;
            }

            first = false;
            if (c == '[' && _i + 1 < _p.Length && _p[_i + 1] == ':')
            {
                int close = _p.IndexOf(":]", _i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    var name = _p[(_i + 2)..close];
                    bool neg = name.StartsWith('^');
                    if (neg)
                    {
                        name = name[1..];
                    }

                    if (!(neg ? StringRegexPosixClasses.Negated : StringRegexPosixClasses.Positive).TryGetValue(name, out var set))
                    {
                        error = new("invalid character class range", _p[_i..(close + 2)]);
                        return false;
                    }

                    body.Append(set);
                    _i = close + 2;
                    continue;
                }
            }

            int loValue;
            if (c == '\\')
            {
                int before = _i;
                if (!ClassEscape(inClass: true, out var lo, out error))
                {
                    return false;
                }

                // Only single-character escapes can start a range.
                string raw = _p[before.._i];
                if (!TrySingleChar(raw, out loValue))
                {
                    body.Append(lo);
                    continue;
                }
            }
            else
            {
                Rune.DecodeFromUtf16(_p.AsSpan(_i), out var r, out var n);
                loValue = r.Value;
                _i += n;
            }

            int hiValue = loValue;
            if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
            {
                int rangeStart = _i;
                _i++;
                if (_p[_i] == '\\')
                {
                    int before = _i;
                    if (!ClassEscape(inClass: true, out _, out error))
                    {
                        return false;
                    }

                    if (!TrySingleChar(_p[before.._i], out hiValue))
                    {
                        error = new("invalid character class range", _p[(rangeStart - 1).._i]);
                        return false;
                    }
                }
                else
                {
                    Rune.DecodeFromUtf16(_p.AsSpan(_i), out var r, out var n);
                    hiValue = r.Value;
                    _i += n;
                }

                if (hiValue < loValue)
                {
                    error = new("invalid character class range", new Rune(loValue) + "-" + new Rune(hiValue));
                    return false;
                }
            }

            AddRange(body, astral, loValue, hiValue);
        }

        // .NET classes match UTF-16 code units, so code points outside the BMP become surrogate-pair alternatives,
        // and a negated class consumes a whole surrogate pair rather than half of one.
        const string Pair = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";
        var astralAlternatives = string.Join("|", astral.Select(a => AstralPattern(a.Lo, a.Hi)));
        if (negated)
        {
            _out.Append("(?:");
            if (astralAlternatives.Length > 0)
            {
                _out.Append("(?!").Append(astralAlternatives).Append(')');
            }

            _out.Append(Pair).Append("|[^").Append(body).Append("\\uD800-\\uDFFF])");
        }
        else if (astralAlternatives.Length == 0)
        {
            _out.Append('[').Append(body).Append(']');
        }
        else
        {
            _out.Append("(?:");
            if (body.Length > 0)
            {
                _out.Append('[').Append(body).Append("]|");
            }

            _out.Append(astralAlternatives).Append(')');
        }

        return true;
    }

    private static void AddRange(StringBuilder body, List<(int Lo, int Hi)> astral, int lo, int hi)
    {
        if (lo <= 0xFFFF)
        {
            int bmpHi = Math.Min(hi, 0xFFFF);
            body.Append(Unit(lo));
            if (bmpHi > lo)
            {
                body.Append('-').Append(Unit(bmpHi));
            }
        }

        if (hi > 0xFFFF)
        {
            astral.Add((Math.Max(lo, 0x10000), hi));
        }
    }

    private static string Unit(int c) => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>A pattern matching the surrogate pairs of the code points <paramref name="lo"/>..<paramref name="hi"/>.</summary>
    private static string AstralPattern(int lo, int hi)
    {
        var a = new Rune(lo).ToString();
        var b = new Rune(hi).ToString();
        int h1 = a[0], l1 = a[1], h2 = b[0], l2 = b[1];
        if (h1 == h2)
        {
            return l1 == l2 ? Unit(h1) + Unit(l1) : $"{Unit(h1)}[{Unit(l1)}-{Unit(l2)}]";
        }

        var parts = new List<string> { $"{Unit(h1)}[{Unit(l1)}-\\uDFFF]" };
        if (h2 - h1 > 1)
        {
            parts.Add($"[{Unit(h1 + 1)}-{Unit(h2 - 1)}][\\uDC00-\\uDFFF]");
        }

        parts.Add($"{Unit(h2)}[\\uDC00-{Unit(l2)}]");
        return string.Join("|", parts);
    }

    private static bool TrySingleChar(string rawEscape, out int value)
    {
        value = 0;
        if (rawEscape.Length == 2)
        {
            char c = rawEscape[1];
            switch (c)
            {
                case 'a': value = 7; return true;
                case 'f': value = 12; return true;
                case 'n': value = 10; return true;
                case 'r': value = 13; return true;
                case 't': value = 9; return true;
                case 'v': value = 11; return true;
            }

            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
            {
                value = c;
                return true;
            }

            return false;
        }

        if (rawEscape.StartsWith("\\x", StringComparison.Ordinal))
        {
            var hex = rawEscape[2..].Trim('{', '}');
            return int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (rawEscape.Length >= 2 && rawEscape[1] >= '0' && rawEscape[1] <= '7')
        {
            foreach (var ch in rawEscape[1..])
            {
                value = (value * 8) + (ch - '0');
            }

            return true;
        }

        return false;
    }
}
