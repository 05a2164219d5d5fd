using System.Text;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class SetOrderingTests
{
    private static string HashText(HclValue v)
    {
        var sb = new StringBuilder();
        CtySetHash.Append(v, sb);
        return sb.ToString();
    }

    public static TheoryData<HclValue, string> HashCases => new()
    {
        { Unk(Num), "?" },
        { Null(Str), "~" },
        { HclValue.DynamicVal, "?" },
        { N(12), "12" },
        { S(""), "\"\"" },
        { S("pizza"), "\"pizza\"" },
        { True, "T" },
        { False, "F" },
        { LE(Bool), "[]" },
        { L(True, False), "[T;F;]" },
        { L(Unk(Bool)), "[?;]" },
        { L(LE(Bool)), "[[];]" },
        { ME(Bool), "{}" },
        { M(("true", True), ("false", False)), "{\"false\":F;\"true\":T;}" },
        { Set(True, True, False), "[F;T;]" },
        { HclValue.EmptyObject, "<>" },
        { O(("name", S("ermintrude")), ("age", N(54))), "<54;\"ermintrude\";>" },
        { T(S("ermintrude"), N(54)), "<\"ermintrude\";54;>" },
        { S("pizza").Sens(), "\"pizza\"" },
        { S("tab\there \u00a0 \u0001"), "\"tab\\there \\u00a0 \\x01\"" },
        { N("1.5"), "1.5" },
        { N("12345678901"), "1.23456789e+10" },
        { N("1e21"), "1e+21" },
        { N("0.0001"), "0.0001" },
        { N("0.00001"), "1e-05" },
        { N("-2.25"), "-2.25" },
        { N("0.1"), "0.1" },
    };

    [Theory]
    [MemberData(nameof(HashCases))]
    public void HashBytes_Values_MatchCty(HclValue value, string expected)
    {
        Assert.Equal(expected, HashText(value));
    }

    [Fact]
    public void Set_NonPrimitiveElements_OrderByHashBytesLikeCty()
    {
        // cty TestSetOrder: [boop] sorts before [], {"blah":"boop"} before {}
        var lists = Set(LE(Str), L(S("boop")));
        Assert.True(L(S("boop")).RawEquals(lists.Elements[0]));
        var maps = Set(ME(Str), M(("blah", S("boop"))));
        Assert.True(M(("blah", S("boop"))).RawEquals(maps.Elements[0]));
        var objs = Set(O(("n", N(2))), O(("n", N(10))), O(("n", N(1))));
        Assert.Equal("toset([{ n = 10 }, { n = 1 }, { n = 2 }])", objs.ToString()); // "<10;>" < "<1;>" bytewise
    }

    [Fact]
    public void Set_PrimitivesWithUnknownAndNull_KnownThenUnknownThenNull()
    {
        var v = HclValue.SetOf(Str, [Null(Str), Unk(Str), S("b"), S("a")]);
        Assert.Equal("a", v.Elements[0].AsString());
        Assert.Equal("b", v.Elements[1].AsString());
        Assert.False(v.Elements[2].IsKnown);
        Assert.True(v.Elements[3].IsNull);
    }

    [Fact]
    public void Set_Bools_FalseFirst()
    {
        Assert.Equal("toset([false, true])", Set(True, False).ToString());
    }
}
