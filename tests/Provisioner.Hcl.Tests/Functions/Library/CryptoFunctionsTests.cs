using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Functions.Library;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class CryptoFunctionsTests
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "testdata", "functions");

    private static readonly FunctionTable Lib = new(CryptoFunctions.Create(new StandardLibraryOptions(FixtureDir, TimeProvider.System)));

    private static readonly FunctionTable PureLib = new(CryptoFunctions.Create(new StandardLibraryOptions(FixtureDir, TimeProvider.System) { PureOnly = true }));

    private static FunctionResult Call(string name, params HclValue[] args) => CallIn(Lib, name, args);

    private static FunctionResult CallIn(FunctionTable lib, string name, params HclValue[] args)
    {
        Assert.True(lib.TryGet(name, out var f), name);
        return f.Call(args);
    }

    private static HclValue S(string s) => HclValue.String(s);

    private static string Ok(string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.True(r.IsSuccess, r.ToString());
        return r.Value.AsString();
    }

    public static TheoryData<string, string, string> StringHashes => new()
    {
        { "md5", "hello world", "5eb63bbbe01eeed093cb22bb8f5acdc3" },
        { "md5", "", "d41d8cd98f00b204e9800998ecf8427e" },
        { "md5", "Hello, 世界", "3dbca55819ed79f62e6f770eef640eee" },
        { "sha1", "hello world", "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed" },
        { "sha1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
        { "sha256", "hello world", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" },
        { "sha256", "Hello, 世界", "a281e84c7f61393db702630c2a6807e871cd3b6896c9e56e22982d125696575c" },
        { "sha512", "hello world", "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f" },
        { "sha512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
        { "base64sha256", "hello world", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=" },
        { "base64sha256", "", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" },
        { "base64sha512", "hello world", "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==" },
        { "base64sha512", "Hello, 世界", "q5bnkSm2cCQbB/6S0TXdP5B6OKXUs2cn3J9HGgI+/jV+vIhKFuP1NvMYQ4nyB5gXf3IvisTGl+rHhfuZCHOLGw==" },
    };

    [Theory]
    [MemberData(nameof(StringHashes))]
    public void HashesStrings(string fn, string input, string expected) => Assert.Equal(expected, Ok(fn, S(input)));

    public static TheoryData<string, string, string> FileHashes => new()
    {
        { "filemd5", "hello.txt", "5eb63bbbe01eeed093cb22bb8f5acdc3" },
        { "filesha1", "hello.txt", "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed" },
        { "filesha256", "hello.txt", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" },
        { "filesha512", "hello.txt", "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f" },
        { "filebase64sha256", "hello.txt", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=" },
        { "filebase64sha512", "./hello.txt", "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==" },
        { "filesha256", "unicode.txt", "a281e84c7f61393db702630c2a6807e871cd3b6896c9e56e22982d125696575c" },
        { "filemd5", "tree/../hello.txt", "5eb63bbbe01eeed093cb22bb8f5acdc3" },
    };

    [Theory]
    [MemberData(nameof(FileHashes))]
    public void HashesFiles(string fn, string path, string expected) => Assert.Equal(expected, Ok(fn, S(path)));

    [Fact]
    public void FileHash_AbsolutePath() =>
        Assert.Equal("5eb63bbbe01eeed093cb22bb8f5acdc3", Ok("filemd5", S(Path.Combine(FixtureDir, "hello.txt"))));

    [Fact]
    public void FileHash_OfBinaryFile_Works() =>
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(Path.Combine(FixtureDir, "binary.bin")))), Ok("filemd5", S("binary.bin")));

    [Theory]
    [InlineData("filemd5")]
    [InlineData("filesha1")]
    [InlineData("filesha256")]
    [InlineData("filesha512")]
    [InlineData("filebase64sha256")]
    [InlineData("filebase64sha512")]
    public void FileHash_MissingFile(string fn)
    {
        // Terraform's file hash functions report Go's own os.Open error.
        var r = Call(fn, S("nope.txt"));
        Assert.Equal($"open {FixtureDir}/nope.txt: no such file or directory", r.Error!.Message);
        Assert.Null(r.Error.ArgumentIndex);
    }

    [Fact]
    public void FileHash_SensitivePath_IsRedactedAndResultSensitive()
    {
        var r = Call("filemd5", S("nope.txt").Mark(HclMarks.Sensitive));
        Assert.Equal("open (sensitive value): no such file or directory", r.Error!.Message);
        var ok = Call("filemd5", S("hello.txt").Mark(HclMarks.Sensitive)).Value!;
        Assert.True(ok.IsSensitive);
    }

    [Fact]
    public void FileHash_Directory_FailsToRead() =>
        Assert.Equal($"read {FixtureDir}/tree: is a directory", Call("filesha1", S("tree")).Error!.Message);

    [Fact]
    public void FileHash_UnknownPath_IsUnknown()
    {
        var r = Call("filesha256", HclValue.UnknownOf(HclType.String).Mark(HclMarks.Sensitive)).Value!;
        Assert.False(r.IsKnown);
        Assert.True(r.IsSensitive);
    }

    [Fact]
    public void Hash_Unknown_IsUnknown()
    {
        var r = Call("sha256", HclValue.UnknownOf(HclType.String)).Value!;
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.String, r.Type);
    }

    [Fact]
    public void Hash_Sensitive_IsSensitive() => Assert.True(Call("md5", S("x").Mark(HclMarks.Sensitive)).Value!.IsSensitive);

    [Fact]
    public void Hash_Null_Fails() =>
        Assert.Equal("Invalid value for \"str\" parameter: argument must not be null.", Call("sha1", HclValue.NullOf(HclType.String)).Error!.Message);

    [Fact]
    public void Hash_NumberArgument_IsConverted() => Assert.Equal(Ok("md5", S("1")), Ok("md5", HclValue.Number(1)));

    // ------------------------------------------------------------------ bcrypt

    // Vectors from OpenBSD's and OpenWall's test suites, cross-checked against libxcrypt.
    public static TheoryData<string, string> BcryptVectors => new()
    {
        { "", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s." },
        { "a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe" },
        { "abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i" },
        { "abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC" },
        { "U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
        { "U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK" },
        { "0123456789012345678901234567890123456789012345678901234567890123456789ab", "$2a$05$abcdefghijklmnopqrstuucInKr3IboNwd.uyBCOF.k5jbgnj4BlS" },
        { "pässwörd", "$2a$04$......................qnB8eqNMuizEQ3mLqW93JYyN8aQz3iO" },
        { "password", "$2a$10$N9qo8uLOickgx2ZMRZoMye8fOsiTWZqYtkxvXkKm8BMzjT7t/vIdq" },
    };

    [Theory]
    [MemberData(nameof(BcryptVectors))]
    public void Bcrypt_KnownVectors(string password, string expected)
    {
        int cost = int.Parse(expected[4..6]);
        var salt = CryptoBcrypt.DecodeSalt(expected[7..29]);
        Assert.Equal(expected, CryptoBcrypt.Hash(Encoding.UTF8.GetBytes(password), cost, salt));
    }

    [Fact]
    public void Bcrypt_DefaultCost10_VerifiesAgainstItsOwnSalt()
    {
        var hash = Ok("bcrypt", S("hello"));
        Assert.Matches(new Regex(@"^\$2a\$10\$[./A-Za-z0-9]{53}$"), hash);
        var salt = CryptoBcrypt.DecodeSalt(hash[7..29]);
        Assert.Equal(hash, CryptoBcrypt.Hash(Encoding.UTF8.GetBytes("hello"), 10, salt));
    }

    [Fact]
    public void Bcrypt_ExplicitCost() => Assert.StartsWith("$2a$05$", Ok("bcrypt", S("hello"), HclValue.Number(5)));

    [Fact]
    public void Bcrypt_CostBelowMinimum_UsesDefault() => Assert.StartsWith("$2a$10$", Ok("bcrypt", S("hello"), HclValue.Number(3)));

    [Fact]
    public void Bcrypt_RandomSalt() => Assert.NotEqual(Ok("bcrypt", S("x"), HclValue.Number(4)), Ok("bcrypt", S("x"), HclValue.Number(4)));

    [Fact]
    public void Bcrypt_CostTooHigh() =>
        Assert.Equal("error occurred generating password crypto/bcrypt: cost 32 is outside allowed inclusive range 4..31", Call("bcrypt", S("x"), HclValue.Number(32)).Error!.Message);

    [Fact]
    public void Bcrypt_FractionalCost() =>
        Assert.Equal("value must be a whole number, between -9223372036854775808 and 9223372036854775807", Call("bcrypt", S("x"), HclValue.Number(4.5)).Error!.Message);

    [Fact]
    public void Bcrypt_TooManyArguments() =>
        Assert.Equal("bcrypt() takes no more than two arguments", Call("bcrypt", S("x"), HclValue.Number(4), HclValue.Number(4)).Error!.Message);

    [Fact]
    public void Bcrypt_PasswordTooLong() =>
        Assert.Equal("error occurred generating password bcrypt: password length exceeds 72 bytes", Call("bcrypt", S(new string('a', 73))).Error!.Message);

    [Fact]
    public void Bcrypt_PureOnly_IsUnknown()
    {
        var r = CallIn(PureLib, "bcrypt", S("x")).Value!;
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.String, r.Type);
    }

    [Fact]
    public void Bcrypt_Sensitive() => Assert.True(Call("bcrypt", S("x").Mark(HclMarks.Sensitive), HclValue.Number(4)).Value!.IsSensitive);

    // ------------------------------------------------------------------ uuid

    [Fact]
    public void Uuid_IsRandomV4()
    {
        var a = Ok("uuid");
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), a);
        Assert.NotEqual(a, Ok("uuid"));
    }

    [Fact]
    public void Uuid_PureOnly_IsUnknown() => Assert.False(CallIn(PureLib, "uuid").Value!.IsKnown);

    [Theory]
    [InlineData("dns", "www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6")]
    [InlineData("url", "https://www.terraform.io/", "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")]
    [InlineData("oid", "1.2.3", "42d5e23b-3a02-5135-85c6-52d1102f1f00")]
    [InlineData("x500", "cn=x", "a951fb6d-5aab-5a72-8e2e-9aa8df8d1f8f")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6")]
    [InlineData("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6")]
    [InlineData("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6")]
    [InlineData("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6")]
    [InlineData("6ba7b8109dad11d180b400c04fd430c8", "www.terraform.io", "a5008fae-b28c-5ba5-96cd-82b4c53552d6")]
    public void UuidV5(string ns, string name, string expected) => Assert.Equal(expected, Ok("uuidv5", S(ns), S(name)));

    [Theory]
    [InlineData("bogus", "uuidv5() doesn't support namespace bogus (invalid UUID length: 5)")]
    [InlineData("6ba7b810x9dad-11d1-80b4-00c04fd430c8", "uuidv5() doesn't support namespace 6ba7b810x9dad-11d1-80b4-00c04fd430c8 (invalid UUID format)")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430cg", "uuidv5() doesn't support namespace 6ba7b810-9dad-11d1-80b4-00c04fd430cg (invalid UUID format)")]
    [InlineData("urn:uuix:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "uuidv5() doesn't support namespace urn:uuix:6ba7b810-9dad-11d1-80b4-00c04fd430c8 (invalid urn prefix: \"urn:uuix:\")")]
    [InlineData("DNS", "uuidv5() doesn't support namespace DNS (invalid UUID length: 3)")]
    public void UuidV5_BadNamespace(string ns, string message)
    {
        var r = Call("uuidv5", S(ns), S("x"));
        Assert.Equal(message, r.Error!.Message);
        Assert.Null(r.Error.ArgumentIndex);
    }

    // ------------------------------------------------------------------ rsadecrypt

    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));

    private static string Encrypt(string plain) => Convert.ToBase64String(Key.Value.Encrypt(Encoding.UTF8.GetBytes(plain), RSAEncryptionPadding.Pkcs1));

    [Fact]
    public void RsaDecrypt_Pkcs1Pem() =>
        Assert.Equal("Hello, world!", Ok("rsadecrypt", S(Encrypt("Hello, world!")), S(Key.Value.ExportRSAPrivateKeyPem())));

    [Fact]
    public void RsaDecrypt_Pkcs8Pem() =>
        Assert.Equal("sécret", Ok("rsadecrypt", S(Encrypt("sécret")), S(Key.Value.ExportPkcs8PrivateKeyPem())));

    [Fact]
    public void RsaDecrypt_NotBase64()
    {
        var r = Call("rsadecrypt", S("not base64!"), S(Key.Value.ExportRSAPrivateKeyPem()));
        Assert.Equal("failed to decode input \"not base64!\": cipher text must be base64-encoded", r.Error!.Message);
        Assert.Equal(0, r.Error.ArgumentIndex);
    }

    [Fact]
    public void RsaDecrypt_NoKey()
    {
        var r = Call("rsadecrypt", S(Encrypt("x")), S("not a key"));
        Assert.Equal("invalid private key: ssh: no key found", r.Error!.Message);
        Assert.Equal(1, r.Error.ArgumentIndex);
    }

    [Fact]
    public void RsaDecrypt_PublicKey() =>
        Assert.Equal("invalid private key: ssh: unsupported key type \"PUBLIC KEY\"",
            Call("rsadecrypt", S(Encrypt("x")), S(Key.Value.ExportSubjectPublicKeyInfoPem())).Error!.Message);

    [Fact]
    public void RsaDecrypt_WrongKey()
    {
        using var other = RSA.Create(2048);
        var r = Call("rsadecrypt", S(Encrypt("x")), S(other.ExportRSAPrivateKeyPem()));
        Assert.Equal("failed to decrypt: crypto/rsa: decryption error", r.Error!.Message);
    }

    [Fact]
    public void RsaDecrypt_SensitiveKey_ResultSensitive() =>
        Assert.True(Call("rsadecrypt", S(Encrypt("x")), S(Key.Value.ExportRSAPrivateKeyPem()).Mark(HclMarks.Sensitive)).Value!.IsSensitive);
}
