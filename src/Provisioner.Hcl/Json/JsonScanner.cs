using System.Globalization;
using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Splits UTF-8 JSON into tokens with positions, following HCL's JSON scanner: positions advance one column per
/// byte except that a tab counts two columns, a carriage return none, and inside strings one column per grapheme
/// cluster. Lax like HCL's: a keyword is a letter followed by letters/underscores, a number any run of
/// <c>-+.eE0-9</c> starting with <c>-+.</c> or a digit, a string runs to its closing quote or the first control
/// character; the parser validates them. An unexpected byte becomes a one-byte invalid token followed by the end.
/// Unlike HCL, a leading UTF-8 byte order mark is skipped (as the native syntax does).
/// </summary>
internal static class JsonScanner
{
    public static List<JsonToken> Scan(ReadOnlySpan<byte> s, SourcePos origin)
    {
        var tokens = new List<JsonToken>(Math.Max(16, s.Length / 8));
        int i = 0;
        int line = origin.Line, col = origin.Column, b0 = origin.Byte;
        if (s.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            i = 3;
        while (true)
        {
            for (; i < s.Length; i++)
            {
                byte w = s[i];
                if (w == ' ')
                {
                    col++;
                }
                else if (w == '\n')
                {
                    line++;
                    col = 1;
                }
                else if (w == '\t')
                {
                    col += 2;
                }
                else if (w != '\r')
                {
                    break;
                }
            }
            var start = new SourcePos(line, col, b0 + i);
            if (i >= s.Length)
            {
                tokens.Add(new JsonToken(JsonTokenKind.EndOfFile, start, start));
                return tokens;
            }
            byte c = s[i];
            JsonTokenKind kind;
            int from = i;
            switch (c)
            {
                case (byte)'{': kind = JsonTokenKind.BraceOpen; i++; break;
                case (byte)'}': kind = JsonTokenKind.BraceClose; i++; break;
                case (byte)'[': kind = JsonTokenKind.BracketOpen; i++; break;
                case (byte)']': kind = JsonTokenKind.BracketClose; i++; break;
                case (byte)',': kind = JsonTokenKind.Comma; i++; break;
                case (byte)':': kind = JsonTokenKind.Colon; i++; break;
                case (byte)'=': kind = JsonTokenKind.Equals; i++; break;
                case (byte)'"':
                    kind = JsonTokenKind.String;
                    i = StringEnd(s, i);
                    col += Columns(s[from..i]) - (i - from); // non-ASCII: graphemes, not bytes
                    break;
                case (byte)'-' or (byte)'+' or (byte)'.' or >= (byte)'0' and <= (byte)'9':
                    kind = JsonTokenKind.Number;
                    while (i < s.Length && s[i] is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E' or >= (byte)'0' and <= (byte)'9')
                        i++;
                    break;
                default:
                    if (IsLetter(c))
                    {
                        kind = JsonTokenKind.Keyword;
                        while (i < s.Length && (IsLetter(s[i]) || s[i] == '_'))
                            i++;
                        break;
                    }
                    var bad = new SourcePos(line, col + 1, b0 + i + 1);
                    tokens.Add(new JsonToken(JsonTokenKind.Invalid, start, bad));
                    tokens.Add(new JsonToken(JsonTokenKind.EndOfFile, bad, bad));
                    return tokens;
            }
            col += i - from;
            tokens.Add(new JsonToken(kind, start, new SourcePos(line, col, b0 + i)));
        }
    }

    // The end of a string token: just after the closing quote, or at the first control character or the end.
    private static int StringEnd(ReadOnlySpan<byte> s, int i)
    {
        i++;
        while (i < s.Length)
        {
            var rel = s[i..].IndexOfAny((byte)'"', (byte)'\\');
            var run = rel < 0 ? s[i..] : s.Slice(i, rel);
            int ctl = run.IndexOfAnyInRange((byte)0, (byte)31);
            if (ctl >= 0)
                return i + ctl;
            if (rel < 0)
                return s.Length;
            i += rel;
            if (s[i] == '"')
                return i + 1;
            i++; // backslash: the next byte is escaped (unless it is a control character)
            if (i < s.Length && s[i] >= 32)
                i++;
        }
        return i;
    }

    private static int Columns(ReadOnlySpan<byte> token)
    {
        if (!Ascii.IsValid(token))
            return new StringInfo(Encoding.UTF8.GetString(token)).LengthInTextElements;
        return token.Length;
    }

    private static bool IsLetter(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
}
