using System.Runtime.CompilerServices;
using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Recursive-descent JSON parser after HCL's <c>json/parser.go</c>: keeps property order, duplicate properties and
/// exact number text, and reports errors with HCL's summaries. Like HCL it gives up on the enclosing containers at
/// the first structural error (the root then becomes a <see cref="JsonInvalidNode"/>).
/// </summary>
internal sealed class JsonParser
{
    private readonly JsonSource _src;
    private readonly List<JsonToken> _tokens;
    private readonly List<Diagnostic> _diags = [];
    private int _pos;

    private JsonParser(JsonSource src)
    {
        _src = src;
        _tokens = JsonScanner.Scan(src.Bytes.Span, src.Origin);
    }

    /// <summary>Parses one JSON value filling the whole buffer.</summary>
    public static (JsonNode Node, DiagnosticList Diagnostics) Parse(JsonSource src)
    {
        var p = new JsonParser(src);
        var first = p.Peek();
        var node = p.ParseValue() ?? new JsonInvalidNode(src, p.RangeOf(first));
        if (p._diags.Count == 0 && p.Peek().Kind != JsonTokenKind.EndOfFile)
            p.Error("Extraneous data after value", "Extra characters appear after the JSON value.", p.Peek());
        return (node, new DiagnosticList(p._diags));
    }

    private JsonToken Peek() => _tokens[_pos];

    private JsonToken Read()
    {
        var t = _tokens[_pos];
        if (t.Kind != JsonTokenKind.EndOfFile)
            _pos++;
        return t;
    }

    private SourceRange RangeOf(JsonToken t) => _src.Range(t.Start, t.End);

    private ReadOnlySpan<byte> Bytes(JsonToken t) => _src.Bytes.Span[(t.Start.Byte - _src.Origin.Byte)..(t.End.Byte - _src.Origin.Byte)];

    private void Error(string summary, string detail, JsonToken at) =>
        _diags.Add(Diagnostic.Error(summary, detail, RangeOf(at)));

    private JsonNode? ParseValue()
    {
        var tok = Peek();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Error("Nesting too deep", "This JSON value is nested too deeply to be processed.", tok);
            return null;
        }
        switch (tok.Kind)
        {
            case JsonTokenKind.BraceOpen:
                return ParseObject();
            case JsonTokenKind.BracketOpen:
                return ParseArray();
            case JsonTokenKind.Number:
                return ParseNumber();
            case JsonTokenKind.String:
                return ParseString();
            case JsonTokenKind.Keyword:
                return ParseKeyword();
            case JsonTokenKind.BraceClose:
                Error("Missing JSON value", "A JSON value must start with a brace, a bracket, a number, a string, or a keyword.", tok);
                return null;
            case JsonTokenKind.BracketClose:
                Error("Missing array element value", "A JSON value must start with a brace, a bracket, a number, a string, or a keyword.", tok);
                return null;
            case JsonTokenKind.EndOfFile:
                Error("Missing value", "The JSON data ends prematurely.", tok);
                return null;
            default:
                Error("Invalid start of value", "A JSON value must start with a brace, a bracket, a number, a string, or a keyword.", tok);
                return null;
        }
    }

    // Skips ahead to what looks like the end of the current container (HCL's recover).
    private void Recover(JsonToken tok, JsonTokenKind open, JsonTokenKind close)
    {
        int depth = 1;
        while (true)
        {
            if (tok.Kind == open)
            {
                depth++;
            }
            else if (tok.Kind == close)
            {
                depth--;
                if (depth <= 1)
                    return;
            }
            else if (tok.Kind == JsonTokenKind.EndOfFile)
            {
                return;
            }
            tok = Read();
        }
    }

    private JsonObjectNode? ParseObject()
    {
        var open = Read();
        var props = new List<JsonProperty>();
        while (Peek().Kind != JsonTokenKind.BraceClose)
        {
            var key = ParseValue();
            if (key == null)
                return null;
            if (key is not JsonStringNode keyStr)
            {
                _diags.Add(Diagnostic.Error("Invalid object property name", "A JSON object property name must be a string", key.StartRange));
                return null;
            }
            var colon = Read();
            if (colon.Kind != JsonTokenKind.Colon)
            {
                Recover(colon, JsonTokenKind.BraceOpen, JsonTokenKind.BraceClose);
                if (colon.Kind is JsonTokenKind.BraceClose or JsonTokenKind.Comma)
                    Error("Missing object value", "A JSON object attribute must have a value, introduced by a colon.", colon);
                else if (colon.Kind == JsonTokenKind.Equals)
                    Error("Missing property value colon", "JSON uses a colon as its name/value delimiter, not an equals sign.", colon);
                else
                    Error("Missing property value colon", "A colon must appear between an object property's name and its value.", colon);
                return null;
            }
            var value = ParseValue();
            if (value == null)
                return null;
            props.Add(new JsonProperty(keyStr, value));
            var next = Peek();
            switch (next.Kind)
            {
                case JsonTokenKind.Comma:
                    var comma = Read();
                    if (Peek().Kind == JsonTokenKind.BraceClose)
                    {
                        Error("Trailing comma in object", "JSON does not permit a trailing comma after the final property in an object.", comma);
                        return null;
                    }
                    continue;
                case JsonTokenKind.EndOfFile:
                    Error("Unclosed object", "No closing brace was found for this JSON object.", open);
                    return null;
                case JsonTokenKind.BracketClose:
                    Read();
                    Error("Mismatched braces", "A JSON object must be closed with a brace, not a bracket.", next);
                    return null;
                case JsonTokenKind.BraceClose:
                    break;
                default:
                    // HCL skips to the end of the object first and then points at whatever follows it.
                    Recover(Read(), JsonTokenKind.BraceOpen, JsonTokenKind.BraceClose);
                    Error("Missing attribute seperator comma", "A comma must appear between each property definition in an object.", Peek());
                    return null;
            }
        }
        var close = Read();
        return new JsonObjectNode(_src, _src.Range(open.Start, close.End), props, RangeOf(open), RangeOf(close));
    }

    private JsonArrayNode? ParseArray()
    {
        var open = Read();
        var items = new List<JsonNode>();
        while (Peek().Kind != JsonTokenKind.BracketClose)
        {
            var value = ParseValue();
            if (value == null)
                return null;
            items.Add(value);
            var next = Peek();
            switch (next.Kind)
            {
                case JsonTokenKind.Comma:
                    var comma = Read();
                    if (Peek().Kind == JsonTokenKind.BracketClose)
                    {
                        Error("Trailing comma in array", "JSON does not permit a trailing comma after the final value in an array.", comma);
                        return null;
                    }
                    continue;
                case JsonTokenKind.Colon:
                    Recover(Read(), JsonTokenKind.BracketOpen, JsonTokenKind.BracketClose);
                    Error("Invalid array value", "A colon is not used to introduce values in a JSON array.", Peek());
                    return null;
                case JsonTokenKind.EndOfFile:
                    // HCL's summary says "object" here too.
                    Error("Unclosed object", "No closing bracket was found for this JSON array.", open);
                    return null;
                case JsonTokenKind.BraceClose:
                    Recover(Read(), JsonTokenKind.BracketOpen, JsonTokenKind.BracketClose);
                    Error("Mismatched brackets", "A JSON array must be closed with a bracket, not a brace.", next);
                    return null;
                case JsonTokenKind.BracketClose:
                    break;
                default:
                    Recover(Read(), JsonTokenKind.BracketOpen, JsonTokenKind.BracketClose);
                    Error("Missing attribute seperator comma", "A comma must appear between each value in an array.", Peek());
                    return null;
            }
        }
        var close = Read();
        return new JsonArrayNode(_src, _src.Range(open.Start, close.End), items, RangeOf(open));
    }

    private JsonNumberNode? ParseNumber()
    {
        var tok = Read();
        var span = Bytes(tok);
        if (!IsValidNumber(span))
        {
            Error("Invalid JSON number", "There is a syntax error in the given JSON number.", tok);
            return null;
        }
        return new JsonNumberNode(_src, RangeOf(tok), Encoding.ASCII.GetString(span));
    }

    // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    internal static bool IsValidNumber(ReadOnlySpan<byte> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
            i++;
        if (i >= s.Length)
            return false;
        if (s[i] == '0')
        {
            i++;
        }
        else if (s[i] is >= (byte)'1' and <= (byte)'9')
        {
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
                i++;
        }
        else
        {
            return false;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            int d = i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
                i++;
            if (i == d)
                return false;
        }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                i++;
            int d = i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
                i++;
            if (i == d)
                return false;
        }
        return i == s.Length;
    }

    private JsonStringNode? ParseString()
    {
        var tok = Read();
        var value = DecodeString(Bytes(tok), out var errorOffset);
        if (value == null)
        {
            // Like HCL (which reports encoding/json's SyntaxError.Offset): a one-byte subject errorOffset bytes (and
            // as many columns) into the token, with the whole token as context.
            var at = new SourcePos(tok.Start.Line, tok.Start.Column + errorOffset, tok.Start.Byte + errorOffset);
            var subject = _src.Range(at, new SourcePos(at.Line, at.Column + 1, at.Byte + 1));
            _diags.Add(Diagnostic.Error("Invalid JSON string", "There is a syntax error in the given JSON string.", subject, RangeOf(tok)));
            return null;
        }
        return new JsonStringNode(_src, RangeOf(tok), value);
    }

    /// <summary>
    /// Decodes a quoted JSON string token; null when it is malformed, with <paramref name="errorOffset"/> as
    /// encoding/json counts it (bytes read up to and including the bad one, or the token length when it ends early).
    /// </summary>
    internal static string? DecodeString(ReadOnlySpan<byte> tok, out int errorOffset)
    {
        errorOffset = ScanStringError(tok);
        if (errorOffset >= 0)
            return null;
        var body = tok[1..^1];
        int esc = body.IndexOf((byte)'\\');
        if (esc < 0)
            return Encoding.UTF8.GetString(body);
        var sb = new StringBuilder(body.Length);
        int from = 0;
        int i = 0;
        while (i < body.Length)
        {
            byte c = body[i];
            if (c == '"')
                return null; // the closing quote was escaped: unterminated
            if (c != '\\')
            {
                i++;
                continue;
            }
            sb.Append(Encoding.UTF8.GetString(body[from..i]));
            if (i + 1 >= body.Length)
                return null;
            byte e = body[i + 1];
            i += 2;
            switch (e)
            {
                case (byte)'"': sb.Append('"'); break;
                case (byte)'\\': sb.Append('\\'); break;
                case (byte)'/': sb.Append('/'); break;
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'u':
                    if (i + 4 > body.Length || !TryHex4(body.Slice(i, 4), out var cu))
                        return null;
                    i += 4;
                    if (char.IsHighSurrogate(cu) && i + 6 <= body.Length && body[i] == '\\' && body[i + 1] == 'u'
                        && TryHex4(body.Slice(i + 2, 4), out var lo) && char.IsLowSurrogate(lo))
                    {
                        sb.Append(cu).Append(lo);
                        i += 6;
                    }
                    else
                    {
                        sb.Append(char.IsSurrogate(cu) ? '\uFFFD' : cu);
                    }
                    break;
                default:
                    return null;
            }
            from = i;
        }
        sb.Append(Encoding.UTF8.GetString(body[from..]));
        return sb.ToString();
    }

    // -1 when the token is a well-formed JSON string, else encoding/json's error offset.
    private static int ScanStringError(ReadOnlySpan<byte> tok)
    {
        int i = 1;
        while (i < tok.Length)
        {
            byte c = tok[i];
            if (c == '"')
                return i == tok.Length - 1 ? -1 : i + 2;
            if (c < 0x20)
                return i + 1;
            if (c != '\\')
            {
                i++;
                continue;
            }
            if (i + 1 >= tok.Length)
                return tok.Length;
            byte e = tok[i + 1];
            if (e == 'u')
            {
                for (int k = 0; k < 4; k++)
                {
                    int at = i + 2 + k;
                    if (at >= tok.Length)
                        return tok.Length;
                    if (!char.IsAsciiHexDigit((char)tok[at]))
                        return at + 1;
                }
                i += 6;
                continue;
            }
            if (e is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
                return i + 2;
            i += 2;
        }
        return tok.Length;
    }

    private static bool TryHex4(ReadOnlySpan<byte> s, out char value)
    {
        int v = 0;
        foreach (var b in s)
        {
            int d = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                value = '\0';
                return false;
            }
            v = (v << 4) | d;
        }
        value = (char)v;
        return true;
    }

    private JsonKeywordNode? ParseKeyword()
    {
        var tok = Read();
        var s = Bytes(tok);
        if (s.SequenceEqual("true"u8))
            return new JsonKeywordNode(_src, RangeOf(tok), JsonKeyword.True);
        if (s.SequenceEqual("false"u8))
            return new JsonKeywordNode(_src, RangeOf(tok), JsonKeyword.False);
        if (s.SequenceEqual("null"u8))
            return new JsonKeywordNode(_src, RangeOf(tok), JsonKeyword.Null);
        var word = Encoding.UTF8.GetString(s);
        if (word is "undefined" or "NaN" or "Infinity")
        {
            Error("Invalid JSON keyword", $"The JavaScript identifier \"{word}\" cannot be used in JSON.", tok);
            return null;
        }
        var suggestion = Suggest(word);
        Error("Invalid JSON keyword", $"\"{word}\" is not a valid JSON keyword." + (suggestion != null ? $" Did you mean \"{suggestion}\"?" : ""), tok);
        return null;
    }

    private static string? Suggest(string word)
    {
        string? best = null;
        int bestDist = 3;
        foreach (var k in (string[])["false", "null", "true"])
        {
            var d = Levenshtein(word, k);
            if (d < bestDist)
            {
                best = k;
                bestDist = d;
            }
        }
        return best;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
