using System.IO.Compression;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The encoding functions of the standard library: base64, gzip, CSV, JSON, YAML, URL and text encodings.</summary>
internal static class EncodingFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield return Base64Encode();
        yield return Base64Decode();
        yield return Base64Gzip();
        yield return Base64Gunzip();
        yield return CsvDecode();
        yield return JsonEncode();
        yield return JsonDecode();
        yield return TextEncodeBase64();
        yield return TextDecodeBase64();
        yield return UrlEncode();
        yield return UrlDecode();
        yield return YamlEncode();
        yield return YamlDecode();
    }

    private static FunctionParameter Str(string name = "str") => new(name, HclType.String);

    private static HclFunction Base64Encode() => new(
        "base64encode",
        [Str()],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) => HclValue.String(Convert.ToBase64String(EncodingText.ToUtf8(args[0].AsString()))),
        "Applies Base64 encoding to a string.");

    private static HclFunction Base64Decode() => FilesystemSupport.MarkedStringFunction(
        "base64decode",
        "str",
        HclType.String,
        (s, marks) =>
        {
            if (!EncodingText.TryDecodeBase64(s, out var bytes, out int _))
            {
                return FunctionResult.Fail("failed to decode base64 data " + EncodingText.Redact(s, marks));
            }

            var text = EncodingText.TryFromUtf8(bytes);
            return text is null
                ? FunctionResult.Fail("the result of decoding the provided string is not valid UTF-8")
                : FunctionResult.Ok(HclValue.String(text));
        },
        "Decodes a string containing a base64 sequence.");

    private static HclFunction Base64Gzip() => new(
        "base64gzip",
        [Str()],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var input = EncodingText.ToUtf8(args[0].AsString());
            if (input.Length == 0)
            {
                // What Go's compress/gzip writes for no data (.NET writes nothing at all).
                return HclValue.String("H4sIAAAAAAAA/wEAAP//AAAAAAAAAAA=");
            }

            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            {
                gz.Write(input);
            }

            // Go's header: no modification time, no extra flags, unknown OS.
            var bytes = ms.ToArray();
            bytes.AsSpan(4, 6).Clear();
            bytes[9] = 0xff;
            return HclValue.String(Convert.ToBase64String(bytes));
        },
        "Compresses a string with gzip and then encodes the result in Base64 encoding.");

    private static HclFunction Base64Gunzip() => FilesystemSupport.MarkedStringFunction(
        "base64gunzip",
        "str",
        HclType.String,
        (s, marks) =>
        {
            if (!EncodingText.TryDecodeBase64(s, out var bytes, out int _))
            {
                return FunctionResult.Fail("failed to decode base64 data " + EncodingText.Redact(s, marks));
            }

            if (bytes.Length < 10 || bytes[0] != 0x1f || bytes[1] != 0x8b || bytes[2] != 8)
            {
                return FunctionResult.Fail(bytes.Length < 10 ? "failed to gunzip bytestream: unexpected EOF" : "failed to gunzip bytestream: gzip: invalid header");
            }

            try
            {
                using var input = new MemoryStream(bytes);
                using var gz = new GZipStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                gz.CopyTo(output);
                return HclValue.String(EncodingText.FromUtf8Lossy(output.ToArray()));
            }
            catch (InvalidDataException e)
            {
                return FunctionResult.Fail("failed to read gunzip raw data: " + e.Message);
            }
        },
        "Decodes a Base64-encoded string and uncompresses the result with gzip.");

    private static HclFunction CsvDecode() => new(
        "csvdecode",
        [Str()],
        null,
        args =>
        {
            var str = args[0];
            if (!str.IsKnown)
            {
                return HclType.Dynamic;
            }

            var reader = new EncodingCsv(str.AsString());
            if (!reader.TryRead(out var headers, out var error))
            {
                return FunctionTypeResult.Fail(error ?? "missing header line");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in headers)
            {
                if (!seen.Add(HclValue.String(name).AsString()))
                {
                    return FunctionTypeResult.Fail($"duplicate column name {EncodingText.GoQuote(name)}");
                }
            }

            return HclType.List(HclType.Object(headers.Select(h => new KeyValuePair<string, HclType>(HclValue.String(h).AsString(), HclType.String))));
        },
        (args, rt) =>
        {
            var ety = rt.ElementType;
            var reader = new EncodingCsv(args[0].AsString());
            reader.TryRead(out var headers, out _);
            reader.FieldsPerRecord = headers.Count;
            var rows = new List<HclValue>();
            while (true)
            {
                if (!reader.TryRead(out var cols, out var error))
                {
                    if (error is not null)
                    {
                        return FunctionResult.Fail(error);
                    }

                    break;
                }

                rows.Add(HclValue.Object(cols.Select((c, i) => new KeyValuePair<string, HclValue>(headers[i], HclValue.String(c)))));
            }

            return HclValue.ListOf(ety, rows);
        },
        "Parses the given string as Comma Separated Values (as defined by RFC 4180) and returns a map of objects representing the table of data, using the first row as a header row to define the object attributes.");

    private static HclFunction JsonEncode() => new(
        "jsonencode",
        [new FunctionParameter("val", HclType.Dynamic) { AllowNull = true, AllowUnknown = true, AllowDynamicType = true }],
        null,
        HclFunction.Returns(HclType.String),
        (args, rt) =>
        {
            var val = args[0];
            if (!val.IsWhollyKnown)
            {
                return HclValue.UnknownOf(rt);
            }

            if (val.IsNull)
            {
                return HclValue.String("null");
            }

            if (!HclJson.TryToJson(val, out var json, out var error))
            {
                return FunctionResult.Fail(error!.ToString());
            }

            return HclValue.String(json.Trim());
        },
        "Returns a string containing a JSON representation of the given value.");

    private static HclFunction JsonDecode() => new(
        "jsondecode",
        [Str()],
        null,
        args =>
        {
            var str = args[0];
            if (!str.IsKnown)
            {
                return HclType.Dynamic;
            }

            return EncodingJson.TryDecode(str.AsString(), out var v, out var error) ? v.Type : FunctionTypeResult.Fail(error!);
        },
        (args, _) => EncodingJson.TryDecode(args[0].AsString(), out var v, out var error) ? v : FunctionResult.Fail(error!),
        "Parses the given string as JSON and returns a value corresponding to what the JSON document describes.");

    private static HclFunction TextEncodeBase64() => new(
        "textencodebase64",
        [Str("string"), Str("encoding")],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var name = args[1].AsString();
            var enc = EncodingCharsets.Find(name, strict: true);
            if (enc is null)
            {
                return FunctionResult.Fail($"{EncodingText.GoQuote(name)} is not a supported IANA encoding name or alias in this Terraform version", 1);
            }

            try
            {
                return HclValue.String(Convert.ToBase64String(enc.GetBytes(args[0].AsString())));
            }
            catch (EncoderFallbackException)
            {
                return FunctionResult.Fail($"the given string contains characters that cannot be represented in {EncodingCharsets.CanonicalName(enc, name)}", 0);
            }
        },
        "Encodes the input string (UTF-8) to the destination encoding. The output is base64 to account for cty limiting strings to NFC normalised UTF-8 strings.");

    private static HclFunction TextDecodeBase64() => new(
        "textdecodebase64",
        [Str("source"), Str("encoding")],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var name = args[1].AsString();
            var enc = EncodingCharsets.Find(name, strict: true);
            if (enc is null)
            {
                return FunctionResult.Fail($"{EncodingText.GoQuote(name)} is not a supported IANA encoding name or alias in this Terraform version", 1);
            }

            var s = args[0].AsString();
            if (!EncodingText.TryDecodeBase64(s, out var bytes, out var offset))
            {
                return FunctionResult.Fail($"the given value is has an invalid base64 symbol at offset {offset}", 0);
            }

            try
            {
                var text = enc.GetString(bytes);
                if (text.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    return FunctionResult.Fail($"the given string contains symbols that are not defined for {EncodingCharsets.CanonicalName(enc, name)}", 0);
                }

                return HclValue.String(text);
            }
            catch (DecoderFallbackException)
            {
                return FunctionResult.Fail($"the given string contains symbols that are not defined for {EncodingCharsets.CanonicalName(enc, name)}", 0);
            }
        },
        "Decodes a string that was previously Base64-encoded using the given character encoding.");

    private static HclFunction UrlEncode() => new(
        "urlencode",
        [Str()],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var sb = new StringBuilder();
            foreach (var b in EncodingText.ToUtf8(args[0].AsString()))
            {
                char c = (char)b;
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                {
                    sb.Append(c);
                }
                else if (c == ' ')
                {
                    sb.Append('+');
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return HclValue.String(sb.ToString());
        },
        "Applies URL encoding to a given string.");

    private static HclFunction UrlDecode() => new(
        "urldecode",
        [Str()],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var s = args[0].AsString();
            var bytes = new List<byte>(s.Length);
            var utf8 = EncodingText.ToUtf8(s);
            for (int i = 0; i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b == '%')
                {
                    if (i + 2 >= utf8.Length || !IsHex(utf8[i + 1]) || !IsHex(utf8[i + 2]))
                    {
                        var bad = Encoding.UTF8.GetString(utf8, i, Math.Min(3, utf8.Length - i));
                        // As in OpenTofu, whose message quotes the (empty) partial result.
                        return FunctionResult.Fail($"failed to decode URL '': invalid URL escape {EncodingText.GoQuote(bad)}");
                    }

                    bytes.Add(Convert.FromHexString(Encoding.ASCII.GetString(utf8, i + 1, 2))[0]);
                    i += 2;
                }
                else if (b == '+')
                {
                    bytes.Add((byte)' ');
                }
                else
                {
                    bytes.Add(b);
                }
            }

            return HclValue.String(EncodingText.FromUtf8Lossy(bytes.ToArray()));
        },
        "Applies URL decoding to a given encoded string.");

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static HclFunction YamlEncode() => new(
        "yamlencode",
        [new FunctionParameter("value", HclType.Dynamic) { AllowNull = true, AllowUnknown = true, AllowDynamicType = true }],
        null,
        HclFunction.Returns(HclType.String),
        (args, rt) =>
        {
            var val = args[0];
            if (!val.IsWhollyKnown)
            {
                return HclValue.UnknownOf(rt);
            }

            return EncodingYaml.TryEncode(val, out var yaml, out var error) ? HclValue.String(yaml) : FunctionResult.Fail(error!);
        },
        "Returns a string containing a YAML representation of the given value.");

    private static HclFunction YamlDecode() => new(
        "yamldecode",
        [Str("src")],
        null,
        args =>
        {
            var str = args[0];
            if (!str.IsKnown)
            {
                return HclType.Dynamic;
            }

            return EncodingYaml.TryDecode(str.AsString(), out var v, out var error) ? v.Type : FunctionTypeResult.Fail(error!);
        },
        (args, _) => EncodingYaml.TryDecode(args[0].AsString(), out var v, out var error) ? v : FunctionResult.Fail(error!),
        "Parses the given string as YAML and returns a value corresponding to what the YAML document describes.");
}
