using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The hash and crypto functions of the standard library.</summary>
internal static partial class CryptoFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        yield return StringHash("md5", b => Convert.ToHexStringLower(MD5.HashData(b)), "Computes the MD5 hash of a string, as hexadecimal.");
        yield return StringHash("sha1", b => Convert.ToHexStringLower(SHA1.HashData(b)), "Computes the SHA1 hash of a string, as hexadecimal.");
        yield return StringHash("sha256", b => Convert.ToHexStringLower(SHA256.HashData(b)), "Computes the SHA256 hash of a string, as hexadecimal.");
        yield return StringHash("sha512", b => Convert.ToHexStringLower(SHA512.HashData(b)), "Computes the SHA512 hash of a string, as hexadecimal.");
        yield return StringHash("base64sha256", b => Convert.ToBase64String(SHA256.HashData(b)), "Computes the SHA256 hash of a string, as Base64.");
        yield return StringHash("base64sha512", b => Convert.ToBase64String(SHA512.HashData(b)), "Computes the SHA512 hash of a string, as Base64.");
        yield return FilesystemSupport.FileBytesFunction(options, "filemd5", b => Convert.ToHexStringLower(MD5.HashData(b)), "Computes the MD5 hash of a file's contents, as hexadecimal.");
        yield return FilesystemSupport.FileBytesFunction(options, "filesha1", b => Convert.ToHexStringLower(SHA1.HashData(b)), "Computes the SHA1 hash of a file's contents, as hexadecimal.");
        yield return FilesystemSupport.FileBytesFunction(options, "filesha256", b => Convert.ToHexStringLower(SHA256.HashData(b)), "Computes the SHA256 hash of a file's contents, as hexadecimal.");
        yield return FilesystemSupport.FileBytesFunction(options, "filesha512", b => Convert.ToHexStringLower(SHA512.HashData(b)), "Computes the SHA512 hash of a file's contents, as hexadecimal.");
        yield return FilesystemSupport.FileBytesFunction(options, "filebase64sha256", b => Convert.ToBase64String(SHA256.HashData(b)), "Computes the SHA256 hash of a file's contents, as Base64.");
        yield return FilesystemSupport.FileBytesFunction(options, "filebase64sha512", b => Convert.ToBase64String(SHA512.HashData(b)), "Computes the SHA512 hash of a file's contents, as Base64.");
        yield return Bcrypt(options);
        yield return Uuid(options);
        yield return UuidV5();
        yield return RsaDecrypt();
    }

    private static HclFunction StringHash(string name, Func<byte[], string> compute, string description) => new(
        name,
        [new FunctionParameter("str", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) => HclValue.String(compute(EncodingText.ToUtf8(args[0].AsString()))),
        description);

    private static HclFunction Bcrypt(StandardLibraryOptions options) => new(
        "bcrypt",
        [new FunctionParameter("str", HclType.String)],
        new FunctionParameter("cost", HclType.Number),
        HclFunction.Returns(HclType.String),
        (args, rt) =>
        {
            if (args.Count > 2)
            {
                return FunctionResult.Fail("bcrypt() takes no more than two arguments");
            }

            int cost = CryptoBcrypt.DefaultCost;
            if (args.Count > 1)
            {
                var n = args[1].AsNumber();
                if (!n.IsInteger || !n.TryToLong(out var c))
                {
                    return FunctionResult.Fail("value must be a whole number, between -9223372036854775808 and 9223372036854775807");
                }

                // Go's bcrypt silently uses the default cost below the minimum.
                if (c > CryptoBcrypt.MaxCost)
                {
                    return FunctionResult.Fail($"error occurred generating password crypto/bcrypt: cost {c} is outside allowed inclusive range {CryptoBcrypt.MinCost}..{CryptoBcrypt.MaxCost}");
                }

                cost = c < CryptoBcrypt.MinCost ? CryptoBcrypt.DefaultCost : (int)c;
            }

            var password = EncodingText.ToUtf8(args[0].AsString());
            if (password.Length > CryptoBcrypt.MaxPasswordBytes)
            {
                return FunctionResult.Fail("error occurred generating password bcrypt: password length exceeds 72 bytes");
            }

            if (options.PureOnly)
            {
                return HclValue.UnknownOf(rt);
            }

            return HclValue.String(CryptoBcrypt.Hash(password, cost));
        },
        "Computes a hash of the given string using the Blowfish cipher, returning a string in the Modular Crypt Format.");

    private static HclFunction Uuid(StandardLibraryOptions options) => new(
        "uuid",
        [],
        null,
        HclFunction.Returns(HclType.String),
        (_, rt) => options.PureOnly ? HclValue.UnknownOf(rt) : HclValue.String(Guid.NewGuid().ToString("D")),
        "Generates a unique identifier string.");

    private static HclFunction UuidV5() => new(
        "uuidv5",
        [new FunctionParameter("namespace", HclType.String), new FunctionParameter("name", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var ns = args[0].AsString();
            byte[]? nsBytes = ns switch
            {
                "dns" => Convert.FromHexString("6ba7b8109dad11d180b400c04fd430c8"),
                "url" => Convert.FromHexString("6ba7b8119dad11d180b400c04fd430c8"),
                "oid" => Convert.FromHexString("6ba7b8129dad11d180b400c04fd430c8"),
                "x500" => Convert.FromHexString("6ba7b8149dad11d180b400c04fd430c8"),
                _ => null,
            };
            if (nsBytes is null && !TryParseUuid(ns, out nsBytes, out var err))
            {
                return FunctionResult.Fail($"uuidv5() doesn't support namespace {ns} ({err})");
            }

            var name = EncodingText.ToUtf8(args[1].AsString());
            var input = new byte[16 + name.Length];
            nsBytes!.CopyTo(input, 0);
            name.CopyTo(input, 16);
            var hash = SHA1.HashData(input);
            var u = hash.AsSpan(0, 16).ToArray();
            u[6] = (byte)((u[6] & 0x0f) | 0x50);
            u[8] = (byte)((u[8] & 0x3f) | 0x80);
            return HclValue.String(FormatUuid(u));
        },
        "Generates a name-based UUID, as described in RFC 4122 section 4.3.");

    private static string FormatUuid(byte[] u)
    {
        var hex = Convert.ToHexStringLower(u);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>google/uuid's <c>Parse</c>, with its error messages.</summary>
    internal static bool TryParseUuid(string s, out byte[] uuid, out string? error)
    {
        uuid = new byte[16];
        error = null;
        switch (s.Length)
        {
            case 36:
                break;
            case 36 + 9:
                if (!s[..9].Equals("urn:uuid:", StringComparison.OrdinalIgnoreCase))
                {
                    error = "invalid urn prefix: " + EncodingText.GoQuote(s[..9]);
                    return false;
                }

                s = s[9..];
                break;
            case 36 + 2:
                s = s[1..];
                break;
            case 32:
                for (int i = 0; i < 16; i++)
                {
                    if (!TryHexByte(s[i * 2], s[(i * 2) + 1], out uuid[i]))
                    {
                        error = "invalid UUID format";
                        return false;
                    }
                }

                return true;
            default:
                error = $"invalid UUID length: {s.Length}";
                return false;
        }

        if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
        {
            error = "invalid UUID format";
            return false;
        }

        int[] offsets = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
        for (int i = 0; i < 16; i++)
        {
            if (!TryHexByte(s[offsets[i]], s[offsets[i] + 1], out uuid[i]))
            {
                error = "invalid UUID format";
                return false;
            }
        }

        return true;
    }

    private static bool TryHexByte(char a, char b, out byte value)
    {
        int hi = HexVal(a);
        int lo = HexVal(b);
        value = (byte)((hi << 4) | lo);
        return hi >= 0 && lo >= 0;
    }

    private static int HexVal(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    [GeneratedRegex(@"-----BEGIN ([^-\r\n]*)-----")]
    private static partial Regex PemBegin();

    private static HclFunction RsaDecrypt() => new(
        "rsadecrypt",
        [new FunctionParameter("ciphertext", HclType.String), new FunctionParameter("privatekey", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var s = args[0].AsString();
            var key = args[1].AsString();
            if (!EncodingText.TryDecodeBase64(s, out var cipher, out int _))
            {
                return FunctionResult.Fail($"failed to decode input {EncodingText.GoQuote(s)}: cipher text must be base64-encoded", 0);
            }

            var m = PemBegin().Match(key);
            if (!m.Success)
            {
                return FunctionResult.Fail("invalid private key: ssh: no key found", 1);
            }

            var kind = m.Groups[1].Value;
            if (kind is not ("RSA PRIVATE KEY" or "PRIVATE KEY"))
            {
                return kind switch
                {
                    "EC PRIVATE KEY" => FunctionResult.Fail("invalid private key type *ecdsa.PrivateKey", 1),
                    "DSA PRIVATE KEY" => FunctionResult.Fail("invalid private key type *dsa.PrivateKey", 1),
                    "OPENSSH PRIVATE KEY" => FunctionResult.Fail("invalid private key: OpenSSH-format private keys are not supported; convert the key to PEM (PKCS#1 or PKCS#8)", 1),
                    _ => FunctionResult.Fail($"invalid private key: ssh: unsupported key type {EncodingText.GoQuote(kind)}", 1),
                };
            }

            using var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(key);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                return FunctionResult.Fail(kind == "PRIVATE KEY"
                    ? "invalid private key: the PKCS#8 data is not a valid RSA private key"
                    : "invalid ASN1 data in the given private key: " + e.Message, 1);
            }

            byte[] plain;
            try
            {
                plain = rsa.Decrypt(cipher, RSAEncryptionPadding.Pkcs1);
            }
            catch (CryptographicException)
            {
                return FunctionResult.Fail("failed to decrypt: crypto/rsa: decryption error");
            }

            return HclValue.String(EncodingText.FromUtf8Lossy(plain));
        },
        "Decrypts an RSA-encrypted ciphertext, returning the corresponding cleartext.");
}
