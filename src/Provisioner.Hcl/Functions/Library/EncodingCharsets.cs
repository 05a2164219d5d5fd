using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>Character encodings by IANA name or alias, for <c>textencodebase64</c> and <c>textdecodebase64</c>.</summary>
internal static class EncodingCharsets
{
    /// <summary>Go's IANA <c>UTF-16</c>: big-endian, written with a byte order mark, read honouring one.</summary>
    private sealed class Utf16WithBom : Encoding
    {
        private readonly Encoding _be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
        private readonly Encoding _le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);

        public override string WebName => "utf-16";

        public override int GetByteCount(char[] chars, int index, int count) => 2 + _be.GetByteCount(chars, index, count);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            bytes[byteIndex] = 0xFE;
            bytes[byteIndex + 1] = 0xFF;
            return 2 + _be.GetBytes(chars, charIndex, charCount, bytes, byteIndex + 2);
        }

        private (Encoding Enc, int Skip) Detect(byte[] bytes, int index, int count)
        {
            if (count >= 2 && bytes[index] == 0xFF && bytes[index + 1] == 0xFE)
            {
                return (_le, 2);
            }

            return count >= 2 && bytes[index] == 0xFE && bytes[index + 1] == 0xFF ? (_be, 2) : (_be, 0);
        }

        public override int GetCharCount(byte[] bytes, int index, int count)
        {
            var (enc, skip) = Detect(bytes, index, count);
            return enc.GetCharCount(bytes, index + skip, count - skip);
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            var (enc, skip) = Detect(bytes, byteIndex, byteCount);
            return enc.GetChars(bytes, byteIndex + skip, byteCount - skip, chars, charIndex);
        }

        public override int GetMaxByteCount(int charCount) => 2 + _be.GetMaxByteCount(charCount);

        public override int GetMaxCharCount(int byteCount) => _be.GetMaxCharCount(byteCount);
    }

    private static readonly Dictionary<string, (Func<Encoding> Make, string Name)> Special = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTF-8"] = (() => new UTF8Encoding(false, false), "UTF-8"),
        ["csUTF8"] = (() => new UTF8Encoding(false, false), "UTF-8"),
        ["UTF-16"] = (() => new Utf16WithBom(), "UTF-16"),
        ["csUTF16"] = (() => new Utf16WithBom(), "UTF-16"),
        ["UTF-16BE"] = (() => new UnicodeEncoding(true, false), "UTF-16BE"),
        ["csUTF16BE"] = (() => new UnicodeEncoding(true, false), "UTF-16BE"),
        ["UTF-16LE"] = (() => new UnicodeEncoding(false, false), "UTF-16LE"),
        ["csUTF16LE"] = (() => new UnicodeEncoding(false, false), "UTF-16LE"),
        ["UTF-32"] = (() => new UTF32Encoding(true, false), "UTF-32"),
        ["UTF-32BE"] = (() => new UTF32Encoding(true, false), "UTF-32BE"),
        ["UTF-32LE"] = (() => new UTF32Encoding(false, false), "UTF-32LE"),
        ["US-ASCII"] = (() => (Encoding)Encoding.ASCII.Clone(), "US-ASCII"),
        ["ASCII"] = (() => (Encoding)Encoding.ASCII.Clone(), "US-ASCII"),
        ["csASCII"] = (() => (Encoding)Encoding.ASCII.Clone(), "US-ASCII"),
        ["ISO646-US"] = (() => (Encoding)Encoding.ASCII.Clone(), "US-ASCII"),
        ["ISO-8859-1"] = (() => (Encoding)Encoding.Latin1.Clone(), "ISO-8859-1"),
        ["ISO_8859-1"] = (() => (Encoding)Encoding.Latin1.Clone(), "ISO-8859-1"),
        ["latin1"] = (() => (Encoding)Encoding.Latin1.Clone(), "ISO-8859-1"),
        ["l1"] = (() => (Encoding)Encoding.Latin1.Clone(), "ISO-8859-1"),
        ["csISOLatin1"] = (() => (Encoding)Encoding.Latin1.Clone(), "ISO-8859-1"),
    };

    /// <summary>The encoding for an IANA name or alias (case-insensitive), or null. With <paramref name="strict"/>,
    /// encoding unrepresentable characters throws <see cref="EncoderFallbackException"/>.</summary>
    public static Encoding? Find(string name, bool strict)
    {
        Encoding? enc = null;
        if (Special.TryGetValue(name, out var s))
        {
            enc = s.Make();
        }
        else if (name.Length > 0 && !name.Contains(' ', StringComparison.Ordinal))
        {
            try
            {
                enc = CodePagesEncodingProvider.Instance.GetEncoding(name);
                enc ??= Encoding.GetEncoding(name);
                enc = (Encoding)enc.Clone();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        if (enc is null)
        {
            return null;
        }

        if (!enc.IsReadOnly && strict)
        {
            enc.EncoderFallback = EncoderFallback.ExceptionFallback;
            enc.DecoderFallback = DecoderFallback.ReplacementFallback;
        }

        return enc;
    }

    /// <summary>The IANA name Terraform reports for the encoding.</summary>
    public static string CanonicalName(Encoding enc, string requested)
    {
        if (Special.TryGetValue(requested, out var s))
        {
            return s.Name;
        }

        var web = enc.WebName;
        if (web.StartsWith("windows-", StringComparison.OrdinalIgnoreCase))
        {
            return web.ToLowerInvariant();
        }

        return web.ToLowerInvariant() switch
        {
            "shift_jis" => "Shift_JIS",
            "big5" => "Big5",
            _ => web.ToUpperInvariant(),
        };
    }
}
