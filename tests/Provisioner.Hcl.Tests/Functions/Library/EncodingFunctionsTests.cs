using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Functions.Library;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class EncodingFunctionsTests
{
    private static readonly FunctionTable Lib = new(EncodingFunctions.Create(StandardLibraryOptions.Default));

    private static FunctionResult Call(string name, params HclValue[] args)
    {
        Assert.True(Lib.TryGet(name, out var f), name);
        return f.Call(args);
    }

    private static HclValue S(string s) => HclValue.String(s);

    private static HclValue N(long n) => HclValue.Number(n);

    private static HclValue Num(string s) => HclValue.Number(HclNumber.Parse(s)!.Value);

    private static HclValue Secret(HclValue v) => v.Mark(HclMarks.Sensitive);

    private static HclValue Ok(string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.True(r.IsSuccess, r.ToString());
        return r.Value;
    }

    private static string OkString(string name, params HclValue[] args) => Ok(name, args).AsString();

    private static void Fails(string message, int? argIndex, string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.False(r.IsSuccess, r.ToString());
        Assert.Equal(message, r.Error.Message);
        Assert.Equal(argIndex, r.Error.ArgumentIndex);
    }

    // ------------------------------------------------------------------ base64

    [Theory]
    [InlineData("Hello World", "SGVsbG8gV29ybGQ=")]
    [InlineData("", "")]
    [InlineData("a", "YQ==")]
    [InlineData("ab", "YWI=")]
    [InlineData("Hello, 世界", "SGVsbG8sIOS4lueVjA==")]
    public void Base64_RoundTrip(string plain, string encoded)
    {
        Assert.Equal(encoded, OkString("base64encode", S(plain)));
        Assert.Equal(plain, OkString("base64decode", S(encoded)));
    }

    [Fact]
    public void Base64Decode_IgnoresNewlines() => Assert.Equal("Hello World", OkString("base64decode", S("SGVsbG8g\r\nV29ybGQ=\n")));

    [Theory]
    [InlineData("SGVsbG8gV29ybGQ")]
    [InlineData("SGVsbG8gV29ybGQ=X")]
    [InlineData("SGVs bG8=")]
    [InlineData("=abc")]
    public void Base64Decode_Invalid(string input) =>
        Fails("failed to decode base64 data " + EncodingText.GoQuote(input), null, "base64decode", S(input));

    [Fact]
    public void Base64Decode_InvalidSensitive_IsRedacted() =>
        Fails("failed to decode base64 data (sensitive value)", null, "base64decode", Secret(S("!!")));

    [Fact]
    public void Base64Decode_NotUtf8() =>
        Fails("the result of decoding the provided string is not valid UTF-8", null, "base64decode", S("/w=="));

    [Fact]
    public void Base64Decode_SensitiveResultStaysSensitive()
    {
        var r = Ok("base64decode", Secret(S("YQ==")));
        Assert.True(r.IsSensitive);
        Assert.Equal(S("a"), r.Unmark().Value);
    }

    [Fact]
    public void Base64Decode_Unknown()
    {
        var r = Ok("base64decode", Secret(HclValue.UnknownOf(HclType.String)));
        Assert.False(r.IsKnown);
        Assert.True(r.IsSensitive);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("")]
    [InlineData("Hello, 世界\nwith lines\n")]
    public void Base64Gzip_RoundTrips(string plain)
    {
        var zipped = OkString("base64gzip", S(plain));
        var bytes = Convert.FromBase64String(zipped);
        Assert.Equal(0x1f, bytes[0]);
        Assert.Equal(0x8b, bytes[1]);
        Assert.Equal(plain, OkString("base64gunzip", S(zipped)));
    }

    [Fact]
    public void Base64Gunzip_TerraformExample() =>
        Assert.Equal("test", OkString("base64gunzip", S("H4sIAAAAAAAA/ypJLS4BAAAA//8BAAD//wx+f9gEAAAA")));

    [Fact]
    public void Base64Gunzip_NotBase64() => Fails("failed to decode base64 data \"#\"", null, "base64gunzip", S("#"));

    [Fact]
    public void Base64Gunzip_NotGzip() =>
        Fails("failed to gunzip bytestream: gzip: invalid header", null, "base64gunzip", S(Convert.ToBase64String("not gzip data"u8.ToArray())));

    // ------------------------------------------------------------------ csv

    [Fact]
    public void CsvDecode_Basic()
    {
        var r = Ok("csvdecode", S("a,b,c\n1,2,3\n4,5,6"));
        var ety = HclType.Object(("a", HclType.String), ("b", HclType.String), ("c", HclType.String));
        Assert.Equal(HclType.List(ety), r.Type);
        Assert.Equal(
            HclValue.List(
                HclValue.Object(("a", S("1")), ("b", S("2")), ("c", S("3"))),
                HclValue.Object(("a", S("4")), ("b", S("5")), ("c", S("6")))),
            r);
    }

    [Fact]
    public void CsvDecode_QuotingCrLfAndEmptyLines()
    {
        var r = Ok("csvdecode", S("name,note\r\n\r\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\r\n x , \r\n"));
        Assert.Equal(
            HclValue.List(
                HclValue.Object(("name", S("Smith, J")), ("note", S("said \"hi\"\nthen left"))),
                HclValue.Object(("name", S(" x ")), ("note", S(" ")))),
            r);
    }

    [Fact]
    public void CsvDecode_HeaderOnly_IsEmptyListOfObject()
    {
        var r = Ok("csvdecode", S("a,b\n"));
        Assert.Equal(HclValue.ListOf(HclType.Object(("a", HclType.String), ("b", HclType.String))), r);
    }

    [Theory]
    [InlineData("", "missing header line")]
    [InlineData("\n\n", "missing header line")]
    [InlineData("a,a\n1,2", "duplicate column name \"a\"")]
    [InlineData("a,b\n1,2,3", "CSV parse error on line 2: wrong number of fields")]
    [InlineData("a,b\n1,2\n3", "CSV parse error on line 3: wrong number of fields")]
    [InlineData("a,b\n1,x\"y", "CSV parse error on line 2: bare \" in non-quoted-field")]
    [InlineData("a,b\n1,\"x\"y", "CSV parse error on line 2: extraneous or missing \" in quoted-field")]
    [InlineData("a,b\n1,\"xy", "CSV parse error on line 2: extraneous or missing \" in quoted-field")]
    [InlineData("a\"b,c\n1,2", "CSV parse error on line 1: bare \" in non-quoted-field")]
    public void CsvDecode_Errors(string input, string message)
    {
        var r = Call("csvdecode", S(input));
        Assert.Equal(message, r.Error!.Message);
    }

    [Fact]
    public void CsvDecode_Unknown_IsDynamic()
    {
        var r = Ok("csvdecode", HclValue.UnknownOf(HclType.String));
        Assert.False(r.IsKnown);
        Assert.True(r.Type.IsDynamic);
    }

    // ------------------------------------------------------------------ json

    public static TheoryData<HclValue, string> JsonEncodeCases => new()
    {
        { S("hello"), "\"hello\"" },
        { S("<a&b>\u2028"), "\"\\u003ca\\u0026b\\u003e\\u2028\"" },
        { S("tab\there\nq\"\\"), "\"tab\\there\\nq\\\"\\\\\"" },
        { N(1), "1" },
        { Num("1.5"), "1.5" },
        { Num("12345678901234567890.125"), "12345678901234567890.125" },
        { HclValue.True, "true" },
        { HclValue.Null, "null" },
        { HclValue.NullOf(HclType.String), "null" },
        { HclValue.Tuple(N(1), S("a"), HclValue.Null), "[1,\"a\",null]" },
        { HclValue.Object(("b", N(2)), ("a", HclValue.List(S("x")))), "{\"a\":[\"x\"],\"b\":2}" },
        { HclValue.Set(S("b"), S("a")), "[\"a\",\"b\"]" },
        { HclValue.MapOf(HclType.String), "{}" },
        { HclValue.EmptyTuple, "[]" },
    };

    [Theory]
    [MemberData(nameof(JsonEncodeCases))]
    public void JsonEncode(HclValue value, string expected) => Assert.Equal(expected, OkString("jsonencode", value));

    [Fact]
    public void JsonEncode_UnknownInside_IsUnknown()
    {
        var r = Ok("jsonencode", HclValue.Tuple(HclValue.UnknownOf(HclType.String)));
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.String, r.Type);
    }

    [Fact]
    public void JsonEncode_NestedSensitive_MarksResult()
    {
        var r = Ok("jsonencode", HclValue.Object(("a", Secret(S("x")))));
        Assert.True(r.IsSensitive);
        Assert.Equal("{\"a\":\"x\"}", r.Unmark().Value.AsString());
    }

    public static TheoryData<string, HclValue> JsonDecodeCases => new()
    {
        { "\"hello\"", S("hello") },
        { " 42 ", N(42) },
        { "-0.5e2", N(-50) },
        { "123456789012345678901234567890", Num("123456789012345678901234567890") },
        { "true", HclValue.True },
        { "null", HclValue.Null },
        { "[]", HclValue.EmptyTuple },
        { "{}", HclValue.EmptyObject },
        { "[1,\"a\",true,null]", HclValue.Tuple(N(1), S("a"), HclValue.True, HclValue.Null) },
        { "{\"b\":{\"c\":[1]},\"a\":\"x\"}", HclValue.Object(("a", S("x")), ("b", HclValue.Object(("c", HclValue.Tuple(N(1)))))) },
        { "\"\\u00e9\\ud83d\\ude00\\n\\/\"", S("é😀\n/") },
        { "1]", N(1) },
    };

    [Theory]
    [MemberData(nameof(JsonDecodeCases))]
    public void JsonDecode(string json, HclValue expected) => Assert.Equal(expected, Ok("jsondecode", S(json)));

    [Theory]
    [InlineData("", "EOF")]
    [InlineData("   ", "EOF")]
    [InlineData("{", "unexpected EOF")]
    [InlineData("[1,", "unexpected EOF")]
    [InlineData("\"abc", "unexpected EOF")]
    [InlineData("tru", "unexpected EOF")]
    [InlineData("x", "invalid character 'x' looking for beginning of value")]
    [InlineData("}", "invalid character '}' looking for beginning of value")]
    [InlineData("'a'", "invalid character '\\'' looking for beginning of value")]
    [InlineData("trux", "invalid character 'x' in literal true (expecting 'e')")]
    [InlineData("nul!", "invalid character '!' in literal null (expecting 'l')")]
    [InlineData("[1 2]", "invalid character '2' after array element")]
    [InlineData("{\"a\" 1}", "invalid character '1' after object key")]
    [InlineData("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair")]
    [InlineData("{a:1}", "invalid character 'a' looking for beginning of object key string")]
    [InlineData("[1,]", "invalid character ']' looking for beginning of value")]
    [InlineData("\"a\nb\"", "invalid character '\\n' in string literal")]
    [InlineData("\"\\q\"", "invalid character 'q' in string escape code")]
    [InlineData("\"\\u12g4\"", "invalid character 'g' in \\u hexadecimal character escape")]
    [InlineData("-x", "invalid character 'x' in numeric literal")]
    [InlineData("1.x", "invalid character 'x' after decimal point in numeric literal")]
    [InlineData("1ex", "invalid character 'x' in exponent of numeric literal")]
    [InlineData("1 2", "extraneous data after JSON object")]
    [InlineData("{} x", "extraneous data after JSON object")]
    [InlineData("{\"a\":1,\"a\":2}", "duplicate \"a\" property in JSON object")]
    public void JsonDecode_Errors(string json, string message) => Fails(message, null, "jsondecode", S(json));

    [Fact]
    public void JsonDecode_Unknown_IsDynamicVal() => Assert.Equal(HclValue.DynamicVal, Ok("jsondecode", HclValue.UnknownOf(HclType.String)));

    [Fact]
    public void JsonDecode_Sensitive_MarksResult() => Assert.True(Ok("jsondecode", Secret(S("{\"a\":1}"))).IsSensitive);

    // ------------------------------------------------------------------ text encodings

    [Theory]
    [InlineData("Hello World", "UTF-16LE", "SABlAGwAbABvACAAVwBvAHIAbABkAA==")]
    [InlineData("Hello World", "utf-16le", "SABlAGwAbABvACAAVwBvAHIAbABkAA==")]
    [InlineData("Hi", "UTF-16BE", "AEgAaQ==")]
    [InlineData("Hi", "UTF-16", "/v8ASABp")]
    [InlineData("Hello World", "UTF-8", "SGVsbG8gV29ybGQ=")]
    [InlineData("café", "ISO-8859-1", "Y2Fm6Q==")]
    [InlineData("café", "windows-1252", "Y2Fm6Q==")]
    [InlineData("Привет", "KOI8-R", "8NLJ18XU")]
    [InlineData("abc", "US-ASCII", "YWJj")]
    public void TextEncoding_RoundTrips(string text, string encoding, string base64)
    {
        Assert.Equal(base64, OkString("textencodebase64", S(text), S(encoding)));
        Assert.Equal(text, OkString("textdecodebase64", S(base64), S(encoding)));
    }

    [Fact]
    public void TextDecode_Utf16HonoursLittleEndianBom() => Assert.Equal("Hi", OkString("textdecodebase64", S(Convert.ToBase64String([0xFF, 0xFE, 0x48, 0, 0x69, 0])), S("UTF-16")));

    [Fact]
    public void TextEncode_UnknownEncoding() =>
        Fails("\"no-such-encoding\" is not a supported IANA encoding name or alias in this Terraform version", 1, "textencodebase64", S("x"), S("no-such-encoding"));

    [Fact]
    public void TextDecode_UnknownEncoding() =>
        Fails("\"bogus\" is not a supported IANA encoding name or alias in this Terraform version", 1, "textdecodebase64", S("eA=="), S("bogus"));

    [Fact]
    public void TextEncode_Unrepresentable() =>
        Fails("the given string contains characters that cannot be represented in US-ASCII", 0, "textencodebase64", S("café"), S("US-ASCII"));

    [Fact]
    public void TextDecode_BadBase64() =>
        Fails("the given value is has an invalid base64 symbol at offset 2", 0, "textdecodebase64", S("ab!d"), S("UTF-8"));

    [Fact]
    public void TextDecode_UndefinedSymbols() =>
        Fails("the given string contains symbols that are not defined for UTF-8", 0, "textdecodebase64", S("/w=="), S("UTF-8"));

    // ------------------------------------------------------------------ url

    [Theory]
    [InlineData("Hello World!", "Hello+World%21")]
    [InlineData("a-b_c.d~e", "a-b_c.d~e")]
    [InlineData("☃", "%E2%98%83")]
    [InlineData("foo=bar&bar=baz", "foo%3Dbar%26bar%3Dbaz")]
    [InlineData("", "")]
    public void UrlEncode(string input, string expected)
    {
        Assert.Equal(expected, OkString("urlencode", S(input)));
        Assert.Equal(input, OkString("urldecode", S(expected)));
    }

    [Fact]
    public void UrlDecode_LowercaseEscapes() => Assert.Equal("a/b c", OkString("urldecode", S("a%2fb%20c")));

    [Theory]
    [InlineData("100%", "failed to decode URL '': invalid URL escape \"%\"")]
    [InlineData("a%zzb", "failed to decode URL '': invalid URL escape \"%zz\"")]
    [InlineData("%4", "failed to decode URL '': invalid URL escape \"%4\"")]
    public void UrlDecode_Errors(string input, string message) => Fails(message, null, "urldecode", S(input));

    // ------------------------------------------------------------------ yaml

    public static TheoryData<HclValue, string> YamlEncodeCases => new()
    {
        { HclValue.Object(("a", S("b")), ("c", S("d"))), "\"a\": \"b\"\n\"c\": \"d\"\n" },
        { HclValue.Object(("foo", HclValue.Tuple(N(1), N(2), N(3))), ("bar", S("baz"))), "\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n" },
        {
            HclValue.Object(("foo", HclValue.Tuple(N(1), HclValue.Object(("a", S("b")), ("c", S("d"))), N(3))), ("bar", S("baz"))),
            "\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n"
        },
        { HclValue.Object(("a", HclValue.Object(("b", HclValue.Object(("c", HclValue.True)))))), "\"a\":\n  \"b\":\n    \"c\": true\n" },
        { HclValue.Tuple(HclValue.Tuple(N(1), N(2)), HclValue.EmptyTuple, HclValue.EmptyObject), "- - 1\n  - 2\n- []\n- {}\n" },
        { HclValue.Object(("n", HclValue.Null), ("x", Num("1.5"))), "\"n\": null\n\"x\": 1.5\n" },
        { S("foo"), "\"foo\"\n" },
        { S(""), "\"\"\n" },
        { N(0), "0\n...\n" },
        { N(1), "1\n...\n" },
        { HclValue.True, "true\n...\n" },
        { HclValue.Null, "null\n...\n" },
        { HclValue.EmptyObject, "{}\n" },
        { HclValue.EmptyTuple, "[]\n" },
        { HclValue.Object(("s", S("line1\nline2"))), "\"s\": |-\n  line1\n  line2\n" },
        { HclValue.Object(("s", S("line1\n\nline2\n"))), "\"s\": |\n  line1\n\n  line2\n" },
        { HclValue.Object(("s", S("x\n\n"))), "\"s\": |+\n  x\n\n" },
        { HclValue.Object(("s", S(" indented\nx"))), "\"s\": |2-\n   indented\n  x\n" },
        { HclValue.Object(("s", S("trailing \nspace"))), "\"s\": \"trailing \\nspace\"\n" },
        { HclValue.Object(("s", S("tab\there\n"))), "\"s\": \"tab\\there\\n\"\n" },
        { HclValue.Object(("multi\nline key", S("v"))), "\"multi\\nline key\": \"v\"\n" },
        { S("q\"b\\s é \u0001"), "\"q\\\"b\\\\s é \\x01\"\n" },
        { HclValue.Tuple(S("a\nb")), "- |-\n  a\n  b\n" },
        { HclValue.Set(S("x"), S("y")), "- \"x\"\n- \"y\"\n" },
    };

    [Theory]
    [MemberData(nameof(YamlEncodeCases))]
    public void YamlEncode(HclValue value, string expected) => Assert.Equal(expected, OkString("yamlencode", value));

    [Fact]
    public void YamlEncode_LongStringWrapsAtSpaces()
    {
        var words = string.Join(' ', Enumerable.Repeat("abcdefghi", 12));
        var yaml = OkString("yamlencode", HclValue.Object(("k", S(words))));
        Assert.Contains("\n  ", yaml);
        Assert.Equal(HclValue.Object(("k", S(words))), Ok("yamldecode", S(yaml)));
    }

    [Fact]
    public void YamlEncode_Unknown_IsUnknown() => Assert.False(Ok("yamlencode", HclValue.Object(("a", HclValue.UnknownOf(HclType.String)))).IsKnown);

    public static TheoryData<string, HclValue> YamlDecodeCases => new()
    {
        { "hello: world", HclValue.Object(("hello", S("world"))) },
        { "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: \"1\"\ng: '2'", HclValue.Object(("a", N(1)), ("b", Num("1.5")), ("c", HclValue.True), ("d", HclValue.Null), ("e", HclValue.Null), ("f", S("1")), ("g", S("2"))) },
        { "- 1\n- two\n- [3, 4]\n- {x: z}", HclValue.Tuple(N(1), S("two"), HclValue.Tuple(N(3), N(4)), HclValue.Object(("x", S("z")))) },
        { "{x: y, y: 1, on: 2}", HclValue.Object(("x", HclValue.True), ("true", N(2))) },
        { "yes", HclValue.True },
        { "Off", HclValue.False },
        { "0x1F", S("0x1F") },
        { "!!int 0x1F", N(31) },
        { "!!int 017", N(17) },
        { "!!int 0b101", N(5) },
        { "0b101", N(5) },
        { "1.", N(1) },
        { "-12", N(-12) },
        { "1e3", N(1000) },
        { ".5", Num("0.5") },
        { ".inf", HclValue.Number(HclNumber.PositiveInfinity) },
        { "-.Inf", HclValue.Number(HclNumber.NegativeInfinity) },
        { "1_000", N(1000) },
        { "1_0x", S("1_0x") },
        { "2001-12-14", S("2001-12-14T00:00:00Z") },
        { "2001-12-14t21:59:43.10-05:00", S("2001-12-14T21:59:43-05:00") },
        { "2001-12-14 21:59:43.10", S("2001-12-14T21:59:43Z") },
        { "'2001-12-14'", S("2001-12-14") },
        { "!!str 123", S("123") },
        { "!!int \"42\"", N(42) },
        { "!!float 1", N(1) },
        { "!!bool \"yes\"", HclValue.True },
        { "!!null whatever", HclValue.Null },
        { "!!binary aGVsbG8=", S("aGVsbG8=") },
        { "text: |\n  line1\n  line2\n", HclValue.Object(("text", S("line1\nline2\n"))) },
        { "base: &b {p: 1, q: 2}\nderived:\n  <<: *b\n  q: 3", HclValue.Object(("base", HclValue.Object(("p", N(1)), ("q", N(2)))), ("derived", HclValue.Object(("p", N(1)), ("q", N(3))))) },
        { "a: &x hello\nb: *x", HclValue.Object(("a", S("hello")), ("b", S("hello"))) },
        { "- <<", HclValue.Tuple(S("<<")) },
        { "1: one\ntrue: t", HclValue.Object(("1", S("one")), ("true", S("t"))) },
        { "", HclValue.Null },
        { "# just a comment\n", HclValue.Null },
        { "---\nfoo\n...\n", S("foo") },
        { "{}", HclValue.EmptyObject },
        // go-cty-yaml's own vectors:
        { "'hello'", S("hello") },
        { "|\n  hello\n  world", S("hello\nworld") },
        { ">\n  hello\n  world", S("hello world") },
        { "!<tag:yaml.org,2002:str> true", S("true") },
        { "!!bool true", HclValue.True },
        { "+Inf", HclValue.Number(HclNumber.PositiveInfinity) },
        { "-Inf", HclValue.Number(HclNumber.NegativeInfinity) },
        { "2006-1-2", S("2006-01-02T00:00:00Z") },
        { "!!timestamp 2006-1-2", S("2006-01-02T00:00:00Z") },
        { "!!binary 'aGVsbG8='", S("aGVsbG8=") },
        { "{a: 1, b: true}", HclValue.Object(("a", N(1)), ("b", HclValue.True)) },
        { "[a, b, true]", HclValue.Tuple(S("a"), S("b"), HclValue.True) },
        { "\nfoo: &bar\n  - x\nbar: *bar\n", HclValue.Object(("bar", HclValue.Tuple(S("x"))), ("foo", HclValue.Tuple(S("x")))) },
        // go-cty-yaml's own vectors:
        { "'hello'", S("hello") },
        { "|\n  hello\n  world", S("hello\nworld") },
        { ">\n  hello\n  world", S("hello world") },
        { "!<tag:yaml.org,2002:str> true", S("true") },
        { "!!bool true", HclValue.True },
        { "+Inf", HclValue.Number(HclNumber.PositiveInfinity) },
        { "-Inf", HclValue.Number(HclNumber.NegativeInfinity) },
        { "2006-1-2", S("2006-01-02T00:00:00Z") },
        { "!!timestamp 2006-1-2", S("2006-01-02T00:00:00Z") },
        { "!!binary 'aGVsbG8='", S("aGVsbG8=") },
        { "{a: 1, b: true}", HclValue.Object(("a", N(1)), ("b", HclValue.True)) },
        { "[a, b, true]", HclValue.Tuple(S("a"), S("b"), HclValue.True) },
        { "\nfoo: &bar\n  - x\nbar: *bar\n", HclValue.Object(("bar", HclValue.Tuple(S("x"))), ("foo", HclValue.Tuple(S("x")))) },
        { "[]", HclValue.EmptyTuple },
    };

    [Theory]
    [MemberData(nameof(YamlDecodeCases))]
    public void YamlDecode(string yaml, HclValue expected) => Assert.Equal(expected, Ok("yamldecode", S(yaml)));

    [Theory]
    [InlineData("a: 1\n---\nb: 2", "only a single document is allowed")]
    [InlineData(".nan", "floating point NaN is not supported")]
    [InlineData("a: *nope", "reference to undefined anchor \"nope\"")]
    [InlineData("a: &x [1, *x]", "cannot refer to anchor \"x\" from inside its own definition")]
    [InlineData("? [a]\n: b", "only strings are allowed as mapping keys")]
    [InlineData("~: b", "mapping key cannot be null")]
    [InlineData("!!int abc", "cannot parse \"abc\" as tag:yaml.org,2002:int")]
    [InlineData("!!bool maybe", "cannot parse \"maybe\" as tag:yaml.org,2002:bool")]
    [InlineData("!!binary '!!'", "cannot parse \"!!\" as tag:yaml.org,2002:binary: not valid base64")]
    [InlineData("!foo bar", "unsupported tag \"!foo\"")]
    [InlineData("!!map [1]", "can't interpret sequence as tag:yaml.org,2002:map")]
    [InlineData("a:\n  <<: [1]\n", "cannot merge tuple into mapping")]
    [InlineData("!!nope foo", "unsupported tag \"tag:yaml.org,2002:nope\"")]
    [InlineData("!!binary '>>>>>>>>>'", "cannot parse \">>>>>>>>>\" as tag:yaml.org,2002:binary: not valid base64")]
    [InlineData("!!bool bananas", "cannot parse \"bananas\" as tag:yaml.org,2002:bool")]
    [InlineData(".NaN", "floating point NaN is not supported")]
    [InlineData("a: [1, 2", "")]
    [InlineData("a: b: c", "")]
    public void YamlDecode_Errors(string yaml, string contains)
    {
        var r = Call("yamldecode", S(yaml));
        Assert.False(r.IsSuccess, r.ToString());
        Assert.StartsWith("on line ", r.Error.Message);
        Assert.Contains(contains, r.Error.Message);
        Assert.Null(r.Error.ArgumentIndex);
    }

    [Fact]
    public void YamlDecode_CyclicAlias_ReportsPositionLikeGoCtyYaml() =>
        Assert.Equal("on line 3, column 5: cannot refer to anchor \"bar\" from inside its own definition", Call("yamldecode", S("\nfoo: &bar\n  - x\n  - *bar\n")).Error!.Message);

    [Fact]
    public void Yaml_RoundTrip()
    {
        var v = HclValue.Object(
            ("list", HclValue.Tuple(S("a"), N(2), HclValue.Object(("deep", S("multi\nline\n"))))),
            ("str", S("with \"quotes\" and: colons # and hashes")),
            ("unicode", S("naïve ☃")));
        Assert.Equal(v, Ok("yamldecode", S(OkString("yamlencode", v))));
    }

    [Fact]
    public void YamlDecode_Unknown_IsDynamicVal() => Assert.Equal(HclValue.DynamicVal, Ok("yamldecode", HclValue.UnknownOf(HclType.String)));
}
