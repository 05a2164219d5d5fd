using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

/// <summary>Marks, nulls and unknowns must flow through every operation the way cty lets them.</summary>
public sealed class HclPropagationTests
{
    public static TheoryData<string, Func<HclValue, HclValue, HclResult>> BinaryNumberOps => new()
    {
        { "add", (a, b) => a.Add(b) },
        { "subtract", (a, b) => a.Subtract(b) },
        { "multiply", (a, b) => a.Multiply(b) },
        { "divide", (a, b) => a.Divide(b) },
        { "modulo", (a, b) => a.Modulo(b) },
        { "less", (a, b) => a.LessThan(b) },
        { "less or equal", (a, b) => a.LessThanOrEqualTo(b) },
        { "greater", (a, b) => a.GreaterThan(b) },
        { "greater or equal", (a, b) => a.GreaterThanOrEqualTo(b) },
    };

    [Theory]
    [MemberData(nameof(BinaryNumberOps))]
    public void NumberOp_MarkedOperand_MarksResult(string name, Func<HclValue, HclValue, HclResult> op)
    {
        Assert.True(op(N(6).Sens(), N(3)).ValueOrThrow().IsSensitive, name);
        Assert.True(op(N(6), N(3).Sens()).ValueOrThrow().IsSensitive, name);
        Assert.False(op(N(6), N(3)).ValueOrThrow().IsMarked, name);
    }

    [Theory]
    [MemberData(nameof(BinaryNumberOps))]
    public void NumberOp_UnknownOperand_GivesUnknownKeepingMarks(string name, Func<HclValue, HclValue, HclResult> op)
    {
        var r = op(Unk(Num).Sens(), N(3)).ValueOrThrow();
        Assert.False(r.IsKnown, name);
        Assert.True(r.IsSensitive, name);
        Assert.False(op(N(3), HclValue.DynamicVal).ValueOrThrow().IsKnown, name);
    }

    [Theory]
    [MemberData(nameof(BinaryNumberOps))]
    public void NumberOp_NullOperand_IsError(string name, Func<HclValue, HclValue, HclResult> op)
    {
        Assert.Equal("argument must not be null", op(HclValue.Null, N(1)).Error?.Message);
        Assert.Equal("argument must not be null", op(N(1), Null(Num)).Error?.Message);
        _ = name;
    }

    [Fact]
    public void Equal_DeepMarkedElements_MarkResult()
    {
        var r = L(S("a").Sens()).Equal(L(S("a")));
        Assert.True(r.AsBool());
        Assert.True(r.IsSensitive);
        Assert.True(S("a").NotEqual(S("b").Sens()).IsSensitive);
    }

    [Fact]
    public void Equal_CollectionsWithUnknowns_FollowCty()
    {
        Assert.False(L(Unk(Str)).Equal(L(S("a"))).IsKnown);
        Assert.False(L(S("a"), Unk(Str)).Equal(L(S("b"), S("c"))).AsBool());
        Assert.False(L(S("a")).Equal(L(S("a"), S("b"))).AsBool());
        Assert.False(Set(Unk(Str)).Equal(Set(S("a"))).IsKnown);
        Assert.True(Set(S("a"), S("b")).Equal(Set(S("b"), S("a"))).AsBool());
        Assert.True(M(("a", N(1))).Equal(M(("a", N(1)))).AsBool());
        Assert.False(M(("a", N(1))).Equal(M(("b", N(1)))).AsBool());
        Assert.False(O(("a", Unk(Num))).Equal(O(("a", N(1)))).IsKnown);
        Assert.False(HclValue.Null.Equal(Unk(Str)).IsKnown);
        Assert.False(N(1).Equal(HclValue.DynamicVal).IsKnown);
    }

    [Fact]
    public void Equal_NumbersWithDifferentText_AreEqual()
    {
        Assert.True(N("1.0").Equal(N(1)).AsBool());
        Assert.True(T(N("0.5")).Equal(T(N("5e-1"))).AsBool());
    }

    [Fact]
    public void LogicOps_PropagateMarksAndUnknowns()
    {
        Assert.True(True.Sens().And(True).ValueOrThrow().IsSensitive);
        Assert.True(False.Or(True.Sens()).ValueOrThrow().IsSensitive);
        Assert.True(True.Sens().Not().ValueOrThrow().IsSensitive);
        Assert.False(Unk(Bool).Not().ValueOrThrow().IsKnown);
        Assert.False(Unk(Bool).Or(False).ValueOrThrow().IsKnown);
        Assert.Equal("a bool is required", S("x").And(True).Error!.Message);
        Assert.True(S("true").And(True).ValueOrThrow().AsBool());
        Assert.Equal("bool required", N(1).Not().Error!.Message);
    }

    [Fact]
    public void Negate_And_Absolute_KeepMarks()
    {
        var n = N(-5).Sens().Negate().ValueOrThrow();
        Assert.Equal("5", n.AsNumber().ToString());
        Assert.True(n.IsSensitive);
        Assert.Equal("5", N(-5).Absolute().ValueOrThrow().AsNumber().ToString());
    }

    [Fact]
    public void Divide_ZeroByZero_IsError_AndByZeroIsInfinity()
    {
        Assert.Equal("can't divide zero by zero or infinity by infinity", N(0).Divide(N(0)).Error!.Message);
        Assert.True(N(1).Divide(N(0)).ValueOrThrow().AsNumber().IsPositiveInfinity);
    }

    [Fact]
    public void Convert_MarkedUnknownAndNull_KeepMarks()
    {
        Assert.True(HclConvert.Convert(Unk(Str).Sens(), Num).ValueOrThrow().IsSensitive);
        Assert.True(HclConvert.Convert(Null(Str).Sens(), Num).ValueOrThrow().IsSensitive);
        Assert.True(HclConvert.Convert(HclValue.DynamicVal.Sens(), TL(Str)).ValueOrThrow().IsSensitive);
    }

    [Fact]
    public void Unmark_And_UnmarkDeep_ReturnMarks()
    {
        var v = O(("a", S("x").Mark("m1"))).Mark("m2");
        var (top, topMarks) = v.Unmark();
        Assert.True(topMarks.Contains("m2"));
        Assert.True(top.ContainsMarks());
        var (deep, deepMarks) = v.UnmarkDeep();
        Assert.True(deepMarks.Contains("m1") && deepMarks.Contains("m2"));
        Assert.False(deep.ContainsMarks());
        Assert.False(v.RawEquals(deep));
        Assert.True(v.GetAttribute("a").HasMark("m2"));
    }

    [Fact]
    public void Length_UnknownAndMarked_FollowCty()
    {
        Assert.False(Unk(TL(Str)).Length().IsKnown);
        Assert.Equal("2", Unk(TT(Str, Num)).Length().AsNumber().ToString());
        Assert.True(L(S("a")).Sens().Length().IsSensitive);
        Assert.Equal(1, L(S("a")).LengthInt());
        Assert.Equal("1", Set(Unk(Str)).Length().AsNumber().ToString());
        Assert.False(Set(Unk(Str), S("a")).Length().IsKnown);
    }

    [Fact]
    public void IsWhollyKnown_NestedUnknown_IsFalse()
    {
        Assert.False(O(("a", L(Unk(Str)))).IsWhollyKnown);
        Assert.True(O(("a", L(S("x")))).IsWhollyKnown);
        Assert.True(O(("a", L(S("x")))).IsKnown);
    }

    [Fact]
    public void ElementEntries_Collections_GiveKeys()
    {
        Assert.Equal(["0", "1"], L(S("a"), S("b")).ElementEntries().Select(e => e.Key.AsNumber().ToString()));
        Assert.Equal(["a", "b"], M(("b", N(1)), ("a", N(2))).ElementEntries().Select(e => e.Key.AsString()));
        Assert.True(Set(S("z")).ElementEntries().Single().Key.RawEquals(S("z")));
    }

    [Fact]
    public void TryUnifyValues_Mixed_ConvertsToCommonType()
    {
        Assert.True(HclConvert.TryUnifyValues([N(1), S("a")], out var t, out var vals, out _));
        Assert.Equal(Str, t);
        Assert.True(S("1").RawEquals(vals[0]));
        Assert.False(HclConvert.TryUnifyValues([N(1), L(S("a"))], out _, out _, out var err));
        Assert.Equal("all values must have the same type", err!.Message);
    }

    [Fact]
    public void Constructors_DynamicNullInList_IsRetyped()
    {
        var v = L(S("a"), HclValue.Null, HclValue.DynamicVal);
        Assert.Equal(TL(Str), v.Type);
        Assert.Equal(Str, v.Elements[1].Type);
        Assert.True(v.Elements[1].IsNull);
        Assert.False(v.Elements[2].IsKnown);
        Assert.Throws<ArgumentException>(() => L(S("a"), N(1)));
    }

    [Fact]
    public void Keys_NonAsciiOrdering_IsCodePointOrder()
    {
        // U+1F600 (surrogate pair) sorts after U+FF5E in UTF-8/code point order, unlike UTF-16 ordinal order.
        var v = O(("\U0001F600", N(1)), ("\uFF5E", N(2)), ("a", N(3)));
        Assert.Equal(["a", "\uFF5E", "\U0001F600"], v.Attributes.Keys);
    }
}
