using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Functions.Library;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class ConversionFunctionsTests
{
    private static readonly FunctionTable Lib = new(ConversionFunctions.Create(StandardLibraryOptions.Default));

    private static FunctionResult Call(string name, params HclValue[] args)
    {
        Assert.True(Lib.TryGet(name, out var f), name);
        return f.Call(args);
    }

    private static HclValue S(string s) => HclValue.String(s);

    private static HclValue N(long n) => HclValue.Number(n);

    private static HclValue Secret(HclValue v) => v.Mark(HclMarks.Sensitive);

    public static TheoryData<string, HclValue, HclValue> Conversions => new()
    {
        { "tostring", S("a"), S("a") },
        { "tostring", N(12), S("12") },
        { "tostring", HclValue.Number(HclNumber.Parse("1.5")!.Value), S("1.5") },
        { "tostring", HclValue.True, S("true") },
        { "tostring", HclValue.Null, HclValue.NullOf(HclType.String) },
        { "tostring", HclValue.NullOf(HclType.Number), HclValue.NullOf(HclType.String) },
        { "tonumber", S("42"), N(42) },
        { "tonumber", S("-2.5"), HclValue.Number(HclNumber.Parse("-2.5")!.Value) },
        { "tonumber", S("1e2"), N(100) },
        { "tonumber", N(7), N(7) },
        { "tonumber", HclValue.Null, HclValue.NullOf(HclType.Number) },
        { "tobool", S("true"), HclValue.True },
        { "tobool", S("false"), HclValue.False },
        { "tobool", HclValue.True, HclValue.True },
        { "tobool", HclValue.Null, HclValue.NullOf(HclType.Bool) },
        { "tolist", HclValue.Tuple(S("a"), HclValue.True), HclValue.List(S("a"), S("true")) },
        { "tolist", HclValue.Tuple(N(1), S("2")), HclValue.List(S("1"), S("2")) },
        { "tolist", HclValue.Set(S("b"), S("a")), HclValue.List(S("a"), S("b")) },
        { "tolist", HclValue.EmptyTuple, HclValue.ListOf(HclType.Dynamic) },
        { "toset", HclValue.Tuple(S("a"), S("b"), S("a")), HclValue.Set(S("a"), S("b")) },
        { "toset", HclValue.List(N(2), N(1)), HclValue.Set(N(1), N(2)) },
        { "tomap", HclValue.Object(("a", S("x")), ("b", HclValue.True)), HclValue.Map([new("a", S("x")), new("b", S("true"))]) },
        { "tomap", HclValue.Object(("a", N(1))), HclValue.Map([new("a", N(1))]) },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Converts(string fn, HclValue input, HclValue expected)
    {
        var r = Call(fn, input);
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal(expected, r.Value);
    }

    public static TheoryData<string, HclValue, string> Failures => new()
    {
        { "tonumber", S("a"), "cannot convert \"a\" to number; given string must be a decimal representation of a number" },
        { "tonumber", S("12abc"), "cannot convert \"12abc\" to number; given string must be a decimal representation of a number" },
        { "tobool", S("yes"), "cannot convert \"yes\" to bool; only the strings \"true\" or \"false\" are allowed" },
        { "tobool", S("a\nb"), "cannot convert \"a\\nb\" to bool; only the strings \"true\" or \"false\" are allowed" },
        { "tonumber", Secret(S("a")), "cannot convert this sensitive string to number" },
        { "tobool", Secret(S("a")), "cannot convert this sensitive string to bool" },
        { "tonumber", HclValue.True, "cannot convert bool to number" },
        { "tostring", HclValue.List(S("a")), "cannot convert list of string to string" },
        { "tostring", HclValue.Tuple(S("a")), "cannot convert tuple to string" },
        { "tobool", N(1), "cannot convert number to bool" },
        { "tolist", S("a"), "cannot convert string to list of any type" },
        { "tomap", HclValue.List(S("a")), "cannot convert list of string to map of any type" },
        { "toset", HclValue.Object(("a", S("x"))), "cannot convert object to set of any type" },
        { "tolist", HclValue.Tuple(S("a"), HclValue.List(S("b"))), "cannot convert tuple to list of any type" },
        { "tomap", HclValue.Object(("a", S("x")), ("b", HclValue.List(S("b")))), "cannot convert object to map of any type" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Fails(string fn, HclValue input, string message)
    {
        var r = Call(fn, input);
        Assert.False(r.IsSuccess);
        Assert.Equal(message, r.Error.Message);
        Assert.Equal(0, r.Error.ArgumentIndex);
    }

    [Theory]
    [InlineData("tostring")]
    [InlineData("tonumber")]
    [InlineData("tobool")]
    public void UnknownStaysUnknownOfTargetType(string fn)
    {
        var r = Call(fn, HclValue.UnknownOf(HclType.String));
        Assert.False(r.Value!.IsKnown);
        var expected = fn switch { "tostring" => HclType.String, "tonumber" => HclType.Number, _ => HclType.Bool };
        Assert.Equal(expected, r.Value.Type);
    }

    [Fact]
    public void DynamicValToList_IsUnknown()
    {
        var r = Call("tolist", HclValue.DynamicVal);
        Assert.False(r.Value!.IsKnown);
    }

    [Fact]
    public void SensitiveUnknown_KeepsMark()
    {
        var r = Call("tostring", Secret(HclValue.UnknownOf(HclType.Number)));
        Assert.False(r.Value!.IsKnown);
        Assert.True(r.Value.IsSensitive);
    }

    [Fact]
    public void Conversion_KeepsSensitiveMark()
    {
        var r = Call("tonumber", Secret(S("5")));
        Assert.True(r.Value!.IsSensitive);
        Assert.Equal(N(5), r.Value.Unmark().Value);
    }

    [Fact]
    public void Conversion_KeepsNestedMarks()
    {
        var r = Call("tolist", HclValue.Tuple(Secret(S("a")), S("b")));
        Assert.True(r.Value!.ContainsMarks());
        Assert.True(r.Value.Elements[0].IsSensitive);
        Assert.False(r.Value.Elements[1].IsSensitive);
    }

    [Fact]
    public void Sensitive_MarksValue()
    {
        var r = Call("sensitive", S("x"));
        Assert.True(r.Value!.IsSensitive);
        Assert.Equal(S("x"), r.Value.Unmark().Value);
    }

    [Fact]
    public void Sensitive_NullAndUnknownAllowed()
    {
        Assert.True(Call("sensitive", HclValue.Null).Value!.IsSensitive);
        var u = Call("sensitive", HclValue.UnknownOf(HclType.String)).Value!;
        Assert.True(u.IsSensitive);
        Assert.False(u.IsKnown);
        Assert.Equal(HclType.String, u.Type);
    }

    [Fact]
    public void NonSensitive_RemovesOnlyTopLevelSensitiveMark()
    {
        var v = S("x").WithMarks(HclMarks.Of(HclMarks.Sensitive, "other"));
        var r = Call("nonsensitive", v).Value!;
        Assert.False(r.IsSensitive);
        Assert.True(r.HasMark("other"));

        var nested = HclValue.Tuple(Secret(S("a")));
        Assert.True(Call("nonsensitive", nested).Value!.Elements[0].IsSensitive);
    }

    [Fact]
    public void NonSensitive_OfNonSensitiveValue_ReturnsIt()
    {
        Assert.Equal(S("x"), Call("nonsensitive", S("x")).Value);
    }

    [Fact]
    public void NonSensitive_Unknown()
    {
        var r = Call("nonsensitive", Secret(HclValue.UnknownOf(HclType.String))).Value!;
        Assert.False(r.IsKnown);
        Assert.False(r.IsSensitive);
    }

    public static TheoryData<HclValue, HclValue> IsSensitiveCases => new()
    {
        { Secret(S("a")), HclValue.True },
        { S("a"), HclValue.False },
        { HclValue.Null, HclValue.False },
        { Secret(HclValue.UnknownOf(HclType.String)), HclValue.True },
        { HclValue.UnknownOf(HclType.String), HclValue.UnknownOf(HclType.Bool) },
        { HclValue.DynamicVal, HclValue.UnknownOf(HclType.Bool) },
    };

    [Theory]
    [MemberData(nameof(IsSensitiveCases))]
    public void IsSensitive(HclValue input, HclValue expected)
    {
        var r = Call("issensitive", input).Value!;
        Assert.Equal(expected, r);
        Assert.False(r.IsSensitive);
    }

    [Theory]
    [InlineData("try", SpecialForm.Try)]
    [InlineData("can", SpecialForm.Can)]
    public void TryAndCan_AreSpecialForms(string name, SpecialForm special)
    {
        Assert.True(Lib.TryGet(name, out var f));
        Assert.Equal(special, f.Special);
        var r = f.Call([S("x")]);
        Assert.False(r.IsSuccess);
        Assert.Contains("can only be called from an expression", r.Error.Message);
    }
}
