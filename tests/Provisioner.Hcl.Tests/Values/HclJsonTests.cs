using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclJsonTests
{
    public static TheoryData<HclValue, string> Encodings => new()
    {
        { S("hello"), "\"hello\"" },
        { S("<a&b>"), "\"\\u003ca\\u0026b\\u003e\"" },
        { S("line\nbreak\t\"q\"\\"), "\"line\\nbreak\\t\\\"q\\\"\\\\\"" },
        { S("\u0001"), "\"\\u0001\"" },
        { N("0.1"), "0.1" },
        { N("3.14159265358979323846264338327950288419716939937510582097494459"), "3.14159265358979323846264338327950288419716939937510582097494459" },
        { N("1e30"), "1000000000000000000000000000000" },
        { True, "true" },
        { Null(Str), "null" },
        { HclValue.Null, "null" },
        { L(N(1), N(2)), "[1,2]" },
        { Set(S("b"), S("a")), "[\"a\",\"b\"]" },
        { T(S("a"), N(1), False), "[\"a\",1,false]" },
        { O(("b", N(1)), ("a", S("x"))), "{\"a\":\"x\",\"b\":1}" },
        { M(("z", N(1)), ("y", N(2))), "{\"y\":2,\"z\":1}" },
        { HclValue.EmptyObject, "{}" },
        { LE(Str), "[]" },
        { T(HclValue.Null), "[null]" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ToJson_KnownValue_GivesCtyEncoding(HclValue value, string expected)
    {
        Assert.True(HclJson.TryToJson(value, out var json, out var err), err?.ToString());
        Assert.Equal(expected, json);
    }

    [Fact]
    public void ToJson_Unknown_IsError()
    {
        Assert.False(HclJson.TryToJson(O(("a", Unk(Str))), out _, out var err));
        Assert.Equal(".a: value is not known", err!.ToString());
    }

    [Fact]
    public void ToJson_Marked_IsErrorUnlessAllowed()
    {
        Assert.False(HclJson.TryToJson(L(S("x").Sens()), out _, out var err));
        Assert.Equal("[0]: value has marks, so it cannot be serialized as JSON", err!.ToString());
        Assert.True(HclJson.TryToJson(L(S("x").Sens()), out var json, out _, allowMarks: true));
        Assert.Equal("[\"x\"]", json);
    }

    [Fact]
    public void ToJson_Infinity_IsError()
    {
        Assert.False(HclJson.TryToJson(HclValue.Number(HclNumber.PositiveInfinity), out _, out _));
    }

    [Fact]
    public void ToJson_DynamicTypedTarget_WrapsValueAndType()
    {
        Assert.True(HclJson.TryToJson(S("x"), Dyn, out var json, out _));
        Assert.Equal("{\"value\":\"x\",\"type\":\"string\"}", json);
    }

    [Fact]
    public void Decode_Document_GivesImpliedStructuralValue()
    {
        // Given
        var json = "{\"b\":[1,\"x\",true,null],\"a\":{\"n\":0.1},\"big\":3.14159265358979323846264338327950288419716939937510582097494459}";

        // When
        var v = HclJson.Decode(json).ValueOrThrow();

        // Then
        Assert.Equal("object({a=object({n=number}),b=tuple([number,string,bool,any]),big=number})", v.Type.ToTypeExpressionString());
        Assert.Equal("3.14159265358979323846264338327950288419716939937510582097494459", v.GetAttribute("big").AsNumber().ToString());
        Assert.True(v.GetAttribute("b").Elements[3].IsNull);
    }

    [Fact]
    public void Decode_Invalid_IsError()
    {
        Assert.False(HclJson.Decode("{").IsSuccess);
        Assert.False(HclJson.Decode("{\"a\":1,\"a\":2}").IsSuccess);
    }

    [Fact]
    public void FromJson_WithType_ConvertsToThatType()
    {
        var v = HclJson.FromJson("{\"a\":[1,2],\"b\":null}", TO(("a", TL(Num)), ("b", Str))).ValueOrThrow();
        Assert.True(O(("a", L(N(1), N(2))), ("b", Null(Str))).RawEquals(v));
        Assert.False(HclJson.FromJson("{\"a\":\"x\"}", TO(("a", TL(Num)))).IsSuccess);
    }

    [Fact]
    public void FromJson_ObjectType_MissingAttributesNullUnknownRejectedAnyOrder()
    {
        var type = TO(("a", Num), ("b", Str), ("c", TL(Str)));
        var v = HclJson.FromJson("{\"c\":[\"x\"],\"a\":1}", type).ValueOrThrow();
        Assert.True(O(("a", N(1)), ("b", Null(Str)), ("c", L(S("x")))).RawEquals(v));
        Assert.Equal(type, v.Type);
        var err = HclJson.FromJson("{\"a\":1,\"zz\":2}", type);
        Assert.False(err.IsSuccess);
        Assert.Contains("unsupported attribute \"zz\"", err.Error!.Message, StringComparison.Ordinal);
        var nested = HclJson.FromJson("{\"a\":1,\"b\":\"x\",\"c\":[1]}", type);
        Assert.True(nested.IsSuccess);
        Assert.Equal("1", nested.Value!.GetAttribute("c").Elements[0].AsString());
    }

    [Fact]
    public void RoundTrip_ValueThroughJson_IsRawEqual()
    {
        var v = O(("list", L(N(1), N("0.5"))), ("set", Set(S("a"), S("b"))), ("map", M(("k", True))), ("tuple", T(S("x"), N(2))), ("nil", Null(Num)));
        var json = HclJson.ToJson(v);
        var back = HclJson.FromJson(json, v.Type).ValueOrThrow();
        Assert.True(v.RawEquals(back), $"{v} vs {back}");
    }

    [Fact]
    public void RoundTrip_DynamicWrapper_RestoresType()
    {
        var v = L(S("a"));
        Assert.True(HclJson.TryToJson(v, Dyn, out var json, out _));
        Assert.Equal("{\"value\":[\"a\"],\"type\":[\"list\",\"string\"]}", json);
        Assert.True(v.RawEquals(HclJson.FromJson(json, Dyn).ValueOrThrow()));
    }

    public static TheoryData<HclType, string> TypeForms => new()
    {
        { Str, "\"string\"" },
        { Num, "\"number\"" },
        { Bool, "\"bool\"" },
        { Dyn, "\"dynamic\"" },
        { TL(Str), "[\"list\",\"string\"]" },
        { TS(Num), "[\"set\",\"number\"]" },
        { TM(TL(Bool)), "[\"map\",[\"list\",\"bool\"]]" },
        { TT(Str, Num), "[\"tuple\",[\"string\",\"number\"]]" },
        { TO(("b", Str), ("a", Num)), "[\"object\",{\"a\":\"number\",\"b\":\"string\"}]" },
        { TOpt(["b"], ("b", Str), ("a", Num)), "[\"object\",{\"a\":\"number\",\"b\":\"string\"},[\"b\"]]" },
    };

    [Theory]
    [MemberData(nameof(TypeForms))]
    public void TypeToJson_Type_GivesCtyFormAndReadsBack(HclType type, string expected)
    {
        Assert.Equal(expected, HclJson.TypeToJson(type));
        Assert.True(HclJson.TryTypeFromJson(expected, out var back, out _));
        Assert.Equal(type, back);
    }
}
