using System.Globalization;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// <c>jsondecode</c>'s parser: JSON to a value with cty's implied types (objects → object types, arrays → tuple
/// types, numbers exact), failing with the messages Go's <c>encoding/json</c> decoder gives.
/// </summary>
internal sealed class EncodingJson
{
    private readonly string _s;
    private int _pos;

    private EncodingJson(string s) => _s = s;

    /// <summary>Decodes <paramref name="json"/>; on failure <paramref name="error"/> holds Go's wording.</summary>
    public static bool TryDecode(string json, out HclValue value, out string? error)
    {
        var p = new EncodingJson(json);
        value = HclValue.Null;
        p.SkipSpace();
        if (p._pos >= p._s.Length)
        {
            error = "EOF";
            return false;
        }

        if (!p.TryValue(" looking for beginning of value", out value, out error))
        {
            return false;
        }

        p.SkipSpace();
        if (p._pos < p._s.Length)
        {
            // Go's Decoder.More() is true for anything but a closing bracket.
            // (Go's Decoder.More() is false before a closing bracket, so that trailing text is ignored.)
            char c = p._s[p._pos];
            if (c == ']' || c == '}')
            {
                error = null;
                return true;
            }

            error = "extraneous data after JSON object";
            return false;
        }

        error = null;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < _s.Length && _s[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private static string QuoteChar(char c)
    {
        if (c == '\'')
        {
            return "'\\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        if (c >= 0x80)
        {
            // Go reports the first byte of the UTF-8 sequence.
            var first = Encoding.UTF8.GetBytes(c.ToString())[0];
            return "'\\x" + first.ToString("x2", CultureInfo.InvariantCulture) + "'";
        }

        var q = EncodingText.GoQuote(c.ToString());
        return "'" + q[1..^1] + "'";
    }

    private bool Unexpected(string context, out string error)
    {
        error = _pos >= _s.Length ? "unexpected EOF" : "invalid character " + QuoteChar(_s[_pos]) + context;
        return false;
    }

    private bool TryValue(string context, out HclValue value, out string? error)
    {
        value = HclValue.Null;
        SkipSpace();
        if (_pos >= _s.Length)
        {
            error = "unexpected EOF";
            return false;
        }

        char c = _s[_pos];
        switch (c)
        {
            case '{':
                return TryObject(out value, out error);
            case '[':
                return TryArray(out value, out error);
            case '"':
                if (!TryString(out var str, out error))
                {
                    return false;
                }

                value = HclValue.String(str);
                return true;
            case 't':
                return TryLiteral("true", HclValue.True, out value, out error);
            case 'f':
                return TryLiteral("false", HclValue.False, out value, out error);
            case 'n':
                return TryLiteral("null", HclValue.Null, out value, out error);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return TryNumber(out value, out error);
                }

                return Unexpected(context, out error!);
        }
    }

    private bool TryLiteral(string word, HclValue result, out HclValue value, out string? error)
    {
        value = result;
        for (int i = 0; i < word.Length; i++)
        {
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (_s[_pos] != word[i])
            {
                error = $"invalid character {QuoteChar(_s[_pos])} in literal {word} (expecting {QuoteChar(word[i])})";
                return false;
            }

            _pos++;
        }

        error = null;
        return true;
    }

    private bool TryNumber(out HclValue value, out string? error)
    {
        value = HclValue.Null;
        int start = _pos;
        if (_s[_pos] == '-')
        {
            _pos++;
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (!char.IsAsciiDigit(_s[_pos]))
            {
                return Unexpected(" in numeric literal", out error!);
            }
        }

        if (_s[_pos] == '0')
        {
            _pos++;
        }
        else
        {
            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _s.Length && _s[_pos] == '.')
        {
            _pos++;
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (!char.IsAsciiDigit(_s[_pos]))
            {
                return Unexpected(" after decimal point in numeric literal", out error!);
            }

            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _s.Length && (_s[_pos] == 'e' || _s[_pos] == 'E'))
        {
            _pos++;
            if (_pos < _s.Length && (_s[_pos] == '+' || _s[_pos] == '-'))
            {
                _pos++;
            }

            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (!char.IsAsciiDigit(_s[_pos]))
            {
                return Unexpected(" in exponent of numeric literal", out error!);
            }

            while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
            {
                _pos++;
            }
        }

        if (!HclNumber.TryParse(_s.AsSpan(start, _pos - start), out var n))
        {
            error = "invalid number " + EncodingText.GoQuote(_s[start.._pos]);
            return false;
        }

        value = HclValue.Number(n);
        error = null;
        return true;
    }

    private bool TryString(out string result, out string? error)
    {
        result = "";
        var sb = new StringBuilder();
        _pos++; // opening quote
        while (true)
        {
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            char c = _s[_pos];
            if (c == '"')
            {
                _pos++;
                break;
            }

            if (c < 0x20)
            {
                return Unexpected(" in string literal", out error!);
            }

            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }

            _pos++;
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            char e = _s[_pos];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (!TryHex4(out int cp, out error))
                    {
                        return false;
                    }

                    if (char.IsHighSurrogate((char)cp) && _pos + 6 < _s.Length && _s[_pos + 1] == '\\' && _s[_pos + 2] == 'u'
                        && int.TryParse(_s.AsSpan(_pos + 3, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int lo)
                        && char.IsLowSurrogate((char)lo))
                    {
                        sb.Append((char)cp).Append((char)lo);
                        _pos += 6;
                    }
                    else if (char.IsSurrogate((char)cp))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append((char)cp);
                    }

                    break;
                default:
                    return Unexpected(" in string escape code", out error!);
            }

            _pos++;
        }

        result = sb.ToString();
        error = null;
        return true;
    }

    private bool TryHex4(out int cp, out string? error)
    {
        cp = 0;
        for (int i = 0; i < 4; i++)
        {
            _pos++;
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            int d = _s[_pos] switch
            {
                >= '0' and <= '9' => _s[_pos] - '0',
                >= 'a' and <= 'f' => _s[_pos] - 'a' + 10,
                >= 'A' and <= 'F' => _s[_pos] - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return Unexpected(" in \\u hexadecimal character escape", out error!);
            }

            cp = (cp << 4) | d;
        }

        error = null;
        return true;
    }

    private bool TryArray(out HclValue value, out string? error)
    {
        value = HclValue.EmptyTuple;
        _pos++;
        var items = new List<HclValue>();
        SkipSpace();
        if (_pos < _s.Length && _s[_pos] == ']')
        {
            _pos++;
            error = null;
            return true;
        }

        while (true)
        {
            if (!TryValue(" looking for beginning of value", out var item, out error))
            {
                return false;
            }

            items.Add(item);
            SkipSpace();
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (_s[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_s[_pos] == ']')
            {
                _pos++;
                break;
            }

            return Unexpected(" after array element", out error!);
        }

        value = HclValue.Tuple(items);
        error = null;
        return true;
    }

    private bool TryObject(out HclValue value, out string? error)
    {
        value = HclValue.EmptyObject;
        _pos++;
        var attrs = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        SkipSpace();
        if (_pos < _s.Length && _s[_pos] == '}')
        {
            _pos++;
            error = null;
            return true;
        }

        while (true)
        {
            SkipSpace();
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (_s[_pos] != '"')
            {
                return Unexpected(" looking for beginning of object key string", out error!);
            }

            if (!TryString(out var key, out error))
            {
                return false;
            }

            SkipSpace();
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (_s[_pos] != ':')
            {
                return Unexpected(" after object key", out error!);
            }

            _pos++;
            if (!TryValue(" looking for beginning of value", out var item, out error))
            {
                return false;
            }

            var normalized = HclValue.String(key).AsString();
            if (!attrs.TryAdd(normalized, item))
            {
                error = $"duplicate {EncodingText.GoQuote(key)} property in JSON object";
                return false;
            }

            SkipSpace();
            if (_pos >= _s.Length)
            {
                error = "unexpected EOF";
                return false;
            }

            if (_s[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_s[_pos] == '}')
            {
                _pos++;
                break;
            }

            return Unexpected(" after object key:value pair", out error!);
        }

        value = HclValue.Object(attrs);
        error = null;
        return true;
    }
}
