using System.Globalization;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>Text helpers shared by the library functions: Go-style quoting, Go-compatible base64, UTF-8 checks,
/// redaction of sensitive values in messages.</summary>
internal static class EncodingText
{
    /// <summary>Strict UTF-8 (throws on invalid bytes) for validity checks.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 without BOM.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Go's <c>strconv.Quote</c> (and <c>%q</c> for strings).</summary>
    public static string GoQuote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            AppendQuotedRune(sb, rune, '"');
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Go's <c>strconv.QuoteRune</c> for a single character, as used in <c>encoding/json</c> messages.</summary>
    public static string GoQuoteRune(Rune rune)
    {
        var sb = new StringBuilder(6);
        sb.Append('\'');
        AppendQuotedRune(sb, rune, '\'');
        sb.Append('\'');
        return sb.ToString();
    }

    private static void AppendQuotedRune(StringBuilder sb, Rune r, char quote)
    {
        int v = r.Value;
        if (v == quote || v == '\\')
        {
            sb.Append('\\').Append((char)v);
            return;
        }

        if (IsGoPrint(r))
        {
            sb.Append(r.ToString());
            return;
        }

        switch (v)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (v < ' ' || v == 0x7f)
        {
            sb.Append("\\x").Append(v.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (v < 0x10000)
        {
            sb.Append("\\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(v.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsGoPrint(Rune r)
    {
        if (r.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>Terraform's <c>redactIfSensitive</c>: <c>(sensitive value)</c>, or the Go-quoted string.</summary>
    public static string Redact(string value, HclMarks marks) =>
        marks.Contains(HclMarks.Sensitive) || marks.Contains(HclMarks.Ephemeral) ? "(sensitive value)" : GoQuote(value);

    public static byte[] ToUtf8(string s) => Utf8.GetBytes(s);

    /// <summary>Decodes UTF-8, or returns null when the bytes are not valid UTF-8.</summary>
    public static string? TryFromUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Decodes invalid UTF-8 with replacement characters, like Go's conversion of bytes to a cty string.</summary>
    public static string FromUtf8Lossy(ReadOnlySpan<byte> bytes) => Utf8.GetString(bytes);

    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>
    /// Go's <c>base64.StdEncoding.DecodeString</c>: padding required, <c>\r</c> and <c>\n</c> ignored, trailing bits
    /// tolerated. On failure returns false and the byte offset Go reports in its <c>CorruptInputError</c>.
    /// </summary>
    public static bool TryDecodeBase64(string s, out byte[] result, out int corruptOffset)
    {
        result = [];
        corruptOffset = -1;
        var output = new List<byte>(s.Length * 3 / 4);
        int si = 0;
        int n = s.Length;
        Span<int> dbuf = stackalloc int[4];
        while (true)
        {
            int dlen = 4;
            int j = 0;
            for (; j < 4; j++)
            {
                if (si == n)
                {
                    if (j == 0)
                    {
                        result = output.ToArray();
                        return true;
                    }

                    // Missing padding.
                    corruptOffset = si - j;
                    return false;
                }

                char c = s[si];
                si++;
                if (c == '\r' || c == '\n')
                {
                    j--;
                    continue;
                }

                int d = c < 128 ? Base64Alphabet.IndexOf(c, StringComparison.Ordinal) : -1;
                if (d >= 0)
                {
                    dbuf[j] = d;
                    continue;
                }

                if (c != '=')
                {
                    corruptOffset = si - 1;
                    return false;
                }

                // Padding.
                switch (j)
                {
                    case 0:
                    case 1:
                        corruptOffset = si - 1;
                        return false;
                    case 2:
                        // Expect a second '=' (skipping newlines).
                        while (si < n && (s[si] == '\r' || s[si] == '\n'))
                        {
                            si++;
                        }

                        if (si == n)
                        {
                            corruptOffset = n;
                            return false;
                        }

                        if (s[si] != '=')
                        {
                            corruptOffset = si - 1;
                            return false;
                        }

                        si++;
                        break;
                }

                while (si < n && (s[si] == '\r' || s[si] == '\n'))
                {
                    si++;
                }

                if (si < n)
                {
                    corruptOffset = si;
                    return false;
                }

                dlen = j;
                break;
            }

            int val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dlen > 2 ? dbuf[2] << 6 : 0) | (dlen > 3 ? dbuf[3] : 0);
            if (dlen == 4)
            {
                output.Add((byte)(val >> 16));
                output.Add((byte)(val >> 8));
                output.Add((byte)val);
            }
            else if (dlen == 3)
            {
                output.Add((byte)(val >> 16));
                output.Add((byte)(val >> 8));
            }
            else if (dlen == 2)
            {
                output.Add((byte)(val >> 16));
            }

            if (dlen < 4)
            {
                result = output.ToArray();
                return true;
            }
        }
    }
}
