namespace Provisioner.Hcl.Json;

/// <summary>
/// Splits UTF-8 JSON into tokens (byte spans). It does not validate strings or numbers; the parser does.
/// Like HCL's scanner, a keyword is any run of ASCII letters and a number any run of <c>-+.eE0-9</c>, so that
/// mistakes are reported on whole words.
/// </summary>
internal static class JsonScanner
{
    public static List<JsonToken> Scan(ReadOnlySpan<byte> s)
    {
        var tokens = new List<JsonToken>(Math.Max(16, s.Length / 8));
        int i = 0;
        if (s.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            i = 3;
        while (true)
        {
            while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                i++;
            if (i >= s.Length)
            {
                tokens.Add(new JsonToken(JsonTokenKind.EndOfFile, s.Length, s.Length));
                return tokens;
            }
            int start = i;
            byte c = s[i];
            JsonTokenKind kind;
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
                    i++;
                    while (i < s.Length)
                    {
                        var rel = s[i..].IndexOfAny((byte)'"', (byte)'\\', (byte)'\n');
                        if (rel < 0)
                        {
                            i = s.Length;
                            break;
                        }
                        i += rel;
                        if (s[i] == '\\')
                        {
                            i = Math.Min(s.Length, i + 2);
                            continue;
                        }
                        if (s[i] == '"')
                            i++;
                        break; // closing quote, or a newline (unterminated string; the parser reports it)
                    }
                    break;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        kind = JsonTokenKind.Number;
                        while (i < s.Length && s[i] is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E' or >= (byte)'0' and <= (byte)'9')
                            i++;
                    }
                    else if (IsLetter(c))
                    {
                        kind = JsonTokenKind.Keyword;
                        while (i < s.Length && IsLetter(s[i]))
                            i++;
                    }
                    else
                    {
                        kind = JsonTokenKind.Invalid;
                        i++;
                        while (i < s.Length && (s[i] & 0xC0) == 0x80)
                            i++;
                    }
                    break;
            }
            tokens.Add(new JsonToken(kind, start, i));
        }
    }

    private static bool IsLetter(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
}
