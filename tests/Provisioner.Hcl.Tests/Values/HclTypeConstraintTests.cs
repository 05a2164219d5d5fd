using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclTypeConstraintTests
{
    // object({ a = string, b = optional(number, 5), c = optional(list(object({ d = optional(bool, true) })), []) })
    private static HclTypeConstraint Sample()
    {
        var inner = TOpt(["d"], ("d", Bool));
        var innerDefaults = new HclTypeDefaults(inner, new Dictionary<string, HclValue> { ["d"] = True });
        var listDefaults = new HclTypeDefaults(TL(inner), children: new Dictionary<string, HclTypeDefaults> { [""] = innerDefaults });
        var type = TOpt(["b", "c"], ("a", Str), ("b", Num), ("c", TL(inner)));
        var defaults = new HclTypeDefaults(
            type,
            new Dictionary<string, HclValue> { ["b"] = N(5), ["c"] = HclValue.EmptyTuple },
            new Dictionary<string, HclTypeDefaults> { ["c"] = listDefaults });
        return new HclTypeConstraint(type, defaults);
    }

    [Fact]
    public void Convert_MissingOptionalAttributes_UsesDefaults()
    {
        // Given
        var c = Sample();

        // When
        var r = c.Convert(O(("a", S("x"))));

        // Then
        var expected = O(("a", S("x")), ("b", N(5)), ("c", LE(TO(("d", Bool)))));
        Assert.True(expected.RawEquals(r.ValueOrThrow()), r.ToString());
    }

    [Fact]
    public void Convert_NestedObjectWithoutAttribute_UsesNestedDefault()
    {
        var r = Sample().Convert(O(("a", S("x")), ("c", T(HclValue.EmptyObject, O(("d", False))))));
        var expected = O(("a", S("x")), ("b", N(5)), ("c", L(O(("d", True)), O(("d", False)))));
        Assert.True(expected.RawEquals(r.ValueOrThrow()), r.ToString());
    }

    [Fact]
    public void Convert_NullOptionalAttribute_UsesDefault()
    {
        var r = Sample().Convert(O(("a", S("x")), ("b", HclValue.Null)));
        Assert.Equal("5", r.ValueOrThrow().GetAttribute("b").AsNumber().ToString());
    }

    [Fact]
    public void Convert_MissingRequiredAttribute_Fails()
    {
        var r = Sample().Convert(O(("b", N(1))));
        Assert.Equal("attribute \"a\" is required", r.Error!.ToString());
    }

    [Fact]
    public void Convert_OptionalWithoutDefault_GivesNull()
    {
        var c = new HclTypeConstraint(TOpt(["b"], ("a", Str), ("b", Num)));
        var v = c.Convert(O(("a", S("x")))).ValueOrThrow();
        Assert.True(v.GetAttribute("b").IsNull);
        Assert.Equal(Num, v.GetAttribute("b").Type);
    }

    [Fact]
    public void ApplyDefaults_MarkedValue_KeepsMarks()
    {
        var v = Sample().ApplyDefaults(O(("a", S("x"))).Sens());
        Assert.True(v.IsSensitive);
        Assert.True(v.HasKey("b"));
    }

    [Fact]
    public void ToString_Constraint_ShowsTypeExpression()
    {
        Assert.Equal("object({a=string,b=optional(number),c=optional(list(object({d=optional(bool)})))})", Sample().ToString());
        Assert.Equal("any", HclTypeConstraint.Any.ToString());
    }

    [Theory]
    [InlineData("string")]
    [InlineData("list of string")]
    [InlineData("map of number")]
    [InlineData("object")]
    [InlineData("tuple")]
    [InlineData("dynamic")]
    public void FriendlyName_Types_MatchCtyWording(string expected)
    {
        var t = expected switch
        {
            "string" => Str,
            "list of string" => TL(Str),
            "map of number" => TM(Num),
            "object" => TO(("a", Str)),
            "tuple" => TT(Str),
            _ => Dyn,
        };
        Assert.Equal(expected, t.FriendlyName);
    }

    [Fact]
    public void TypeHelpers_Collections_ReportStructure()
    {
        Assert.True(TL(Str).IsCollection);
        Assert.Equal(Str, TL(Str).ElementType);
        Assert.True(TO(("a", TL(Dyn))).HasDynamicTypes);
        Assert.False(TO(("a", TL(Str))).HasDynamicTypes);
        Assert.Equal(Num, TO(("a", Num)).AttributeType("a"));
        Assert.Equal(TO(("a", Str), ("b", Num)), TO(("b", Num), ("a", Str)));
        Assert.NotEqual(TO(("a", Str)), TOpt(["a"], ("a", Str)));
        Assert.Equal("tuple([string,map(bool)])", TT(Str, TM(Bool)).ToTypeExpressionString());
    }
}
