using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclAccessTests
{
    [Fact]
    public void Index_ListByNumberOrNumericString_GivesElement()
    {
        var list = L(S("a"), S("b"));
        Assert.True(S("b").RawEquals(HclAccess.Index(list, N(1)).ValueOrThrow()));
        Assert.True(S("a").RawEquals(HclAccess.Index(list, S("0")).ValueOrThrow()));
    }

    [Theory]
    [InlineData("2", "The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection.")]
    [InlineData("-1", "The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence.")]
    [InlineData("0.5", "The given key does not identify an element in this collection value: indexing a sequence requires a whole number, but the given index (0.5) has a fractional part.")]
    public void Index_ListOutOfRange_ReportsHclDetail(string key, string detail)
    {
        var r = HclAccess.Index(L(S("a"), S("b")), N(key));
        Assert.Equal("Invalid index", r.Error!.Summary);
        Assert.Equal(detail, r.Error.Message);
    }

    [Fact]
    public void Index_ListByWord_ReportsConversionError()
    {
        var r = HclAccess.Index(L(S("a")), S("x"));
        Assert.Equal("The given key does not identify an element in this collection value: a number is required.", r.Error!.Message);
    }

    [Fact]
    public void Index_EmptyTuple_SaysNoElements()
    {
        var r = HclAccess.Index(HclValue.EmptyTuple, N(0));
        Assert.Equal("The given key does not identify an element in this collection value: the collection has no elements.", r.Error!.Message);
    }

    [Fact]
    public void Index_MapAndObject_ByKey()
    {
        Assert.True(N(1).RawEquals(HclAccess.Index(M(("a", N(1))), S("a")).ValueOrThrow()));
        Assert.True(N(1).RawEquals(HclAccess.Index(O(("a", N(1))), S("a")).ValueOrThrow()));
        Assert.Equal("The given key does not identify an element in this collection value.", HclAccess.Index(M(("a", N(1))), S("b")).Error!.Message);
        Assert.Equal("The given key does not identify an element in this collection value. An object only supports looking up attributes by name, not by numeric index.", HclAccess.Index(O(("a", N(1))), N(0)).Error!.Message);
    }

    [Fact]
    public void Index_NullSetAndUnknown_FollowHcl()
    {
        Assert.Equal("Attempt to index null value", HclAccess.Index(Null(TL(Str)), N(0)).Error!.Summary);
        Assert.Equal("Can't use a null value as an indexing key.", HclAccess.Index(L(S("a")), Null(Num)).Error!.Message);
        Assert.StartsWith("Elements of a set are identified only by their value", HclAccess.Index(Set(S("a")), N(0)).Error!.Message);
        Assert.True(Unk(Str).RawEquals(HclAccess.Index(Unk(TL(Str)), N(0)).ValueOrThrow()));
        Assert.True(HclValue.DynamicVal.RawEquals(HclAccess.Index(L(S("a")), HclValue.DynamicVal).ValueOrThrow()));
        Assert.Equal("This value does not have any indices.", HclAccess.Index(S("a"), N(0)).Error!.Message);
    }

    [Fact]
    public void Index_MarkedCollection_MarksResult()
    {
        Assert.True(HclAccess.Index(L(S("a")).Sens(), N(0)).ValueOrThrow().IsSensitive);
        Assert.True(HclAccess.Index(L(S("a")), N(0).Sens()).ValueOrThrow().IsSensitive);
    }

    [Fact]
    public void GetAttr_ObjectMapAndMistakes_FollowHcl()
    {
        Assert.True(N(1).RawEquals(HclAccess.GetAttr(O(("a", N(1))), "a").ValueOrThrow()));
        Assert.True(N(1).RawEquals(HclAccess.GetAttr(M(("a", N(1))), "a").ValueOrThrow()));
        Assert.Equal("This object does not have an attribute named \"b\".", HclAccess.GetAttr(O(("a", N(1))), "b").Error!.Message);
        Assert.Equal("Unsupported attribute", HclAccess.GetAttr(O(("a", N(1))), "b").Error!.Summary);
        Assert.Equal("Missing map element", HclAccess.GetAttr(M(("a", N(1))), "b").Error!.Summary);
        Assert.Equal("Can't access attributes on a primitive-typed value (string).", HclAccess.GetAttr(S("x"), "b").Error!.Message);
        Assert.Contains("Did you mean to access attribute \"a\" for a specific element", HclAccess.GetAttr(L(O(("a", N(1)))), "a").Error!.Message);
        Assert.Equal("Attempt to get attribute from null value", HclAccess.GetAttr(HclValue.Null, "a").Error!.Summary);
        Assert.True(Unk(Num).RawEquals(HclAccess.GetAttr(Unk(TO(("a", Num))), "a").ValueOrThrow()));
        Assert.True(HclAccess.GetAttr(O(("a", N(1))).Sens(), "a").ValueOrThrow().IsSensitive);
    }
}
