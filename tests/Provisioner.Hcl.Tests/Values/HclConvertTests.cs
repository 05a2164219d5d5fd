using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclConvertTests
{
    public static TheoryData<string, HclValue, HclType, HclValue> Successes => new()
    {
        { "string to string", S("hello"), Str, S("hello") },
        { "string to number", S("1"), Num, N(1) },
        { "string to fractional number", S("1.5"), Num, N("1.5") },
        { "string to number exact", S("0.1"), Num, N("0.1") },
        { "string true to bool", S("true"), Bool, True },
        { "string 1 to bool", S("1"), Bool, True },
        { "string false to bool", S("false"), Bool, False },
        { "string 0 to bool", S("0"), Bool, False },
        { "number to string", N(4), Str, S("4") },
        { "fraction to string", N("3.14159265359"), Str, S("3.14159265359") },
        { "big number to string", N("3.14159265358979323846264338327950288419716939937510582097494459"), Str, S("3.14159265358979323846264338327950288419716939937510582097494459") },
        { "true to string", True, Str, S("true") },
        { "false to string", False, Str, S("false") },
        { "unknown string to number", Unk(Str), Num, Unk(Num) },
        { "unknown number to string", Unk(Num), Str, Unk(Str) },
        { "DynamicVal to string", HclValue.DynamicVal, Str, Unk(Str) },
        { "string to dynamic", S("hello"), Dyn, S("hello") },
        { "null string to dynamic", Null(Str), Dyn, Null(Str) },
        { "unknown string to dynamic", Unk(Str), Dyn, Unk(Str) },
        { "null to number", HclValue.Null, Num, Null(Num) },
        { "null to list", HclValue.Null, TL(Str), Null(TL(Str)) },
        { "null string to number", Null(Str), Num, Null(Num) },
        { "list number to list string", L(N(5), N(10)), TL(Str), L(S("5"), S("10")) },
        { "list number to list dynamic", L(N(5), N(10)), TL(Dyn), L(N(5), N(10)) },
        { "set with unknown to set number", Set(S("5"), Unk(Str)), TS(Num), Set(N(5), Unk(Num)) },
        { "set string to list string (lexical order)", Set(S("5"), S("10")), TL(Str), L(S("10"), S("5")) },
        { "set string to list dynamic", Set(S("5"), S("10")), TL(Dyn), L(S("10"), S("5")) },
        { "set number to list string (numeric order)", Set(N(5), N(10)), TL(Str), L(S("5"), S("10")) },
        { "set with unknown to list is unknown", Set(S("5"), Unk(Str)), TL(Str), Unk(TL(Str)) },
        { "set of one unknown to list is known", Set(Unk(Str)), TL(Str), L(Unk(Str)) },
        { "list with duplicates to set", L(N(5), N(10), N(10)), TS(Str), Set(S("5"), S("10")) },
        { "tuple to list string", T(N(5), S("hello")), TL(Str), L(S("5"), S("hello")) },
        { "tuple to list number", T(N(5), S("12")), TL(Num), L(N(5), N(12)) },
        { "tuple to list dynamic same", T(N(5), N(10)), TL(Dyn), L(N(5), N(10)) },
        { "tuple to list dynamic unified", T(N(5), S("hello")), TL(Dyn), L(S("5"), S("hello")) },
        { "tuple to set dynamic unified", T(N(5), S("hello")), TS(Dyn), Set(S("5"), S("hello")) },
        { "empty list to set dynamic", LE(Str), TS(Dyn), SetE(Str) },
        { "empty set to list dynamic", SetE(Str), TL(Dyn), LE(Str) },
        { "empty tuple to set string", HclValue.EmptyTuple, TS(Str), SetE(Str) },
        { "empty tuple to list string", HclValue.EmptyTuple, TL(Str), LE(Str) },
        { "object to map string", O(("num", N(5)), ("str", S("hello"))), TM(Str), M(("num", S("5")), ("str", S("hello"))) },
        { "object to map number", O(("num", N(5)), ("str", S("12"))), TM(Num), M(("num", N(5)), ("str", N(12))) },
        { "object to map dynamic same", O(("num1", N(5)), ("num2", N(10))), TM(Dyn), M(("num1", N(5)), ("num2", N(10))) },
        { "object to map dynamic unified", O(("num", N(5)), ("str", S("hello"))), TM(Dyn), M(("num", S("5")), ("str", S("hello"))) },
        { "object with empty list and tuple to map", O(("list", LE(Bool)), ("tuple", HclValue.EmptyTuple)), TM(Dyn), M(("list", LE(Bool)), ("tuple", LE(Bool))) },
        { "object with empty map and object to map", O(("map", ME(Str)), ("obj", HclValue.EmptyObject)), TM(Dyn), M(("map", ME(Str)), ("obj", ME(Str))) },
        { "empty object to map", HclValue.EmptyObject, TM(Str), ME(Str) },
        { "map to map dynamic", M(("greeting", S("Hello")), ("name", S("John"))), TM(Dyn), M(("greeting", S("Hello")), ("name", S("John"))) },
        { "map to object", M(("greeting", S("Hello")), ("name", S("John"))), TO(("greeting", Str), ("name", Str)), O(("greeting", S("Hello")), ("name", S("John"))) },
        { "map to object subset", M(("greeting", S("Hello")), ("name", S("John"))), TO(("name", Str)), O(("name", S("John"))) },
        { "map to object optional missing", M(("name", S("John"))), TOpt(["greeting"], ("name", Str), ("greeting", Str)), O(("greeting", Null(Str)), ("name", S("John"))) },
        { "map number to map string", M(("a", N(2)), ("b", N(5))), TM(Str), M(("a", S("2")), ("b", S("5"))) },
        { "object to object subset", O(("foo", S("foo value")), ("bar", S("bar value"))), TO(("foo", Str)), O(("foo", S("foo value"))) },
        { "object attribute converts", O(("foo", True)), TO(("foo", Str)), O(("foo", S("true"))) },
        { "object attribute DynamicVal", O(("foo", HclValue.DynamicVal)), TO(("foo", Str)), O(("foo", Unk(Str))) },
        { "object attribute null", O(("foo", Null(Str))), TO(("foo", Str)), O(("foo", Null(Str))) },
        { "object attribute to dynamic", O(("foo", True)), TO(("foo", Dyn)), O(("foo", True)) },
        { "object optional absent", O(("bar", S("bar value"))), TOpt(["foo"], ("foo", Str), ("bar", Str)), O(("foo", Null(Str)), ("bar", S("bar value"))) },
        { "object optional present", O(("foo", S("f")), ("bar", S("b"))), TOpt(["foo"], ("foo", Str), ("bar", Str)), O(("foo", S("f")), ("bar", S("b"))) },
        { "null to object with optional drops optional", HclValue.Null, TOpt(["foo"], ("foo", Str), ("bar", Str)), Null(TO(("foo", Str), ("bar", Str))) },
        { "list of null and object to list of optional object", L(HclValue.Null, O(("bar", S("b")))), TL(TOpt(["foo"], ("foo", Str), ("bar", Str))), L(Null(TO(("foo", Str), ("bar", Str))), O(("foo", Null(Str)), ("bar", S("b")))) },
        { "tuple to tuple", T(S("hello")), TT(Str), T(S("hello")) },
        { "tuple element converts", T(True), TT(Str), T(S("true")) },
        { "list to tuple", L(S("a"), S("b")), TT(Str, Str), T(S("a"), S("b")) },
        { "list to tuple converting", L(S("1"), S("b")), TT(Num, Str), T(N(1), S("b")) },
        { "set to tuple", Set(S("a")), TT(Str), T(S("a")) },
        { "nested objects to map of maps (tf#23804)", O(("a", O(("x", T(S("foo"))))), ("b", O(("x", T(S("bar"))))), ("c", O(("x", T(S("foo"), S("bar")))))), TM(TM(Dyn)), M(("a", M(("x", L(S("foo"))))), ("b", M(("x", L(S("bar"))))), ("c", M(("x", L(S("foo"), S("bar")))))) },
        { "object and empty dynamic map to map of maps (tf#23431)", O(("a", O(("x", S("foo")))), ("b", ME(Dyn))), TM(TM(Dyn)), M(("a", M(("x", S("foo")))), ("b", ME(Str))) },
        { "objects with dynamic attribute unify in list (tf#21588)", T(O(("a", HclValue.EmptyObject), ("b", N(2))), O(("a", O(("var1", S("val1")))), ("b", S("2")))), TL(TO(("a", Dyn), ("b", Str))), L(O(("a", ME(Str)), ("b", S("2"))), O(("a", M(("var1", S("val1")))), ("b", S("2")))) },
        { "tuple with null to set dynamic", T(S("a"), N(9), HclValue.Null), TS(Dyn), Set(S("a"), S("9"), Null(Str)) },
        { "tuple with null to list dynamic", T(S("a"), N(9), HclValue.Null), TL(Dyn), L(S("a"), S("9"), Null(Str)) },
        { "tuple of nulls to set dynamic", T(HclValue.Null, HclValue.Null, HclValue.Null), TS(Dyn), HclValue.SetOf(Dyn, [HclValue.Null]) },
        { "tuple of nulls to list dynamic", T(HclValue.Null, HclValue.Null, HclValue.Null), TL(Dyn), HclValue.ListOf(Dyn, [HclValue.Null, HclValue.Null, HclValue.Null]) },
        { "marked string stays marked", S("hello").Sens(), Str, S("hello").Sens() },
        { "marked string to bool keeps mark", S("true").Sens(), Bool, True.Sens() },
        { "tuple with marked element to list", T(S("hello").Sens()), TL(Str), L(S("hello").Sens()) },
        { "object with marked attribute to map", O(("foo", S("hello").Sens())), TM(Str), M(("foo", S("hello").Sens())) },
        { "dropped marked attribute leaves no mark", O(("foo", S("hello")), ("bar", S("world").Sens())), TO(("foo", Str)), O(("foo", S("hello"))) },
        { "marked list to set keeps mark", L(N(1)).Sens(), TS(Num), Set(N(1)).Sens() },
        { "unknown to object with optional drops optional", HclValue.DynamicVal, TO(("foo", TOpt(["bar"], ("bar", Str)))), Unk(TO(("foo", TO(("bar", Str))))) },
    };

    [Theory]
    [MemberData(nameof(Successes))]
    public void Convert_Convertible_GivesExpectedValue(string name, HclValue value, HclType type, HclValue expected)
    {
        // When
        var r = HclConvert.Convert(value, type);

        // Then
        Assert.True(r.IsSuccess, $"{name}: {r.Error}");
        Assert.True(expected.RawEquals(r.Value), $"{name}: got {r.Value} of {r.Value.Type}, want {expected} of {expected.Type}");
    }

    public static TheoryData<string, HclValue, HclType, string> Failures => new()
    {
        { "word to number", S("hello"), Num, "a number is required" },
        { "word to bool", S("hello"), Bool, "a bool is required" },
        { "capitalised bool", S("True"), Bool, "a bool is required; to convert from string, use lowercase \"true\"" },
        { "number to bool", N(1), Bool, "bool required" },
        { "bool to number", True, Num, "number required" },
        { "string to list", S("a"), TL(Str), "list of string required" },
        { "list to string", L(S("a")), Str, "string required" },
        { "tuple with no common type to list", T(O(("type", S("ingress")), ("from_port", N(-1)), ("cidr", T(S("0.0.0.0/0")))), O(("type", S("ingress")), ("source_sg", S("sg")))), TL(Dyn), "all list elements must have the same type" },
        { "object with no common type to map", O(("num", N(5)), ("bool", True)), TM(Dyn), "all map elements must have the same type" },
        { "map element to list attribute", M(("greeting", S("Hello")), ("name", S("John"))), TO(("greeting", TL(Str)), ("name", Str)), "object required" },
        { "map missing required attribute", M(("name", S("John"))), TO(("name", Str), ("greeting", Str)), "map has no element for required attribute \"greeting\"" },
        { "object missing attribute", O(("bar", S("bv"))), TO(("foo", Str)), "attribute \"foo\" is required" },
        { "object missing two attributes", O(("bar", S("bv"))), TO(("foo", Str), ("baz", Str)), "attributes \"baz\" and \"foo\" are required" },
        { "object missing three attributes", HclValue.EmptyObject, TO(("foo", Str), ("bar", Str), ("baz", Str)), "attributes \"bar\", \"baz\", and \"foo\" are required" },
        { "object missing required beside optional", HclValue.EmptyObject, TOpt(["foo"], ("foo", Str), ("bar", Str)), "attribute \"bar\" is required" },
        { "object attribute bool to number", O(("foo", True)), TO(("foo", Num)), "attribute \"foo\": number required" },
        { "object attribute unknown bool to number", O(("foo", Unk(Bool))), TO(("foo", Num)), "attribute \"foo\": number required" },
        { "tuple to empty tuple", T(True), HclType.EmptyTuple, "tuple required" },
        { "empty tuple to tuple", HclValue.EmptyTuple, TT(Str), "tuple required" },
        { "tuple element mismatch to list", T(S("a"), True, L(S("x"))), TL(Str), "element 2: string required" },
        { "object attribute mismatch to map", O(("a", S("x")), ("b", L(S("x")))), TM(Str), "element \"b\": string required" },
        { "list element type", L(L(S("a"))), TL(Str), "incorrect list element type: string required" },
        { "map to list", M(("a", S("x"))), TL(Str), "list of string required" },
        { "list to map", L(S("x")), TM(Str), "map of string required" },
        { "nested value path", O(("tags", M(("a", S("x"))))), TO(("tags", TM(Num))), ".tags[\"a\"]: a number is required" },
        { "list element path", L(S("1"), S("x")), TL(Num), "[1]: a number is required" },
        { "list to tuple wrong length", L(S("a")), TT(Str, Str), "tuple of 2 elements required, but the value has 1" },
        { "list and string not unifiable (tf#24377)", T(L(S("a")), S("b")), TL(Dyn), "all list elements must have the same type" },
        { "list and string not unifiable as set", T(L(S("a")), S("b"), HclValue.Null), TS(Dyn), "all set elements must have the same type" },
        { "nested object mismatch (tf#24167)", O(("a", O(("x", HclValue.Null))), ("b", O(("x", O(("c", N(1)), ("d", N(2))))))), TM(TM(TO(("x", TM(Dyn))))), "element \"b\": element \"x\": attribute \"x\" is required" },
        { "object to list", O(("a", S("x"))), TL(Str), "list of string required" },
        { "object to tuple", O(("a", S("x"))), TT(Str), "tuple required" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Convert_Inconvertible_ReportsCtyMessage(string name, HclValue value, HclType type, string message)
    {
        var r = HclConvert.Convert(value, type);
        Assert.False(r.IsSuccess, $"{name}: unexpectedly gave {r.Value}");
        Assert.Equal(message, r.Error!.ToString());
    }

    [Fact]
    public void GetConversion_Safe_RejectsStringToNumber()
    {
        Assert.Null(HclConvert.GetConversion(Str, Num));
        Assert.NotNull(HclConvert.GetConversionUnsafe(Str, Num));
        Assert.NotNull(HclConvert.GetConversion(Num, Str));
        Assert.Null(HclConvert.GetConversion(TL(Str), TS(Str)));
        Assert.NotNull(HclConvert.GetConversion(TS(Str), TL(Str)));
        Assert.Null(HclConvert.GetConversion(TM(Str), TO(("a", Str))));
        Assert.NotNull(HclConvert.GetConversionUnsafe(TM(Str), TO(("a", Str))));
        Assert.Null(HclConvert.GetConversion(Dyn, Str));
        Assert.NotNull(HclConvert.GetConversionUnsafe(Dyn, Str));
    }

    [Fact]
    public void Convert_TwiceToSameType_IsIdempotent()
    {
        var once = HclConvert.Convert(T(N(1), S("2")), TL(Str)).ValueOrThrow();
        var twice = HclConvert.Convert(once, TL(Str)).ValueOrThrow();
        Assert.True(once.RawEquals(twice));
    }
}
