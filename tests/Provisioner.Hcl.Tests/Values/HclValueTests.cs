using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclValueTests
{
    private static HclValue S(string s) => HclValue.String(s);

    private static HclValue N(long n) => HclValue.Number(n);

    [Fact]
    public void String_Decomposed_IsNfcNormalised()
    {
        var v = S("e\u0301");
        Assert.Equal("\u00e9", v.AsString());
        Assert.True(v.RawEquals(S("\u00e9")));
    }

    [Fact]
    public void ToString_Values_UsesHclLiteralForm()
    {
        Assert.Equal("\"a\"", S("a").ToString());
        Assert.Equal("[1, 2]", HclValue.Tuple(N(1), N(2)).ToString());
        Assert.Equal("{ a = 1 }", HclValue.Object(("a", N(1))).ToString());
        Assert.Equal("(known after apply)", HclValue.UnknownOf(HclType.String).ToString());
        Assert.Equal("null", HclValue.Null.ToString());
        Assert.Equal("toset([\"a\", \"b\"])", HclValue.Set(S("b"), S("a"), S("b")).ToString());
        Assert.Equal("{ \"a b\" = true }", HclValue.Object(("a b", HclValue.True)).ToString());
        Assert.Equal("(sensitive value)", S("x").Mark(HclMarks.Sensitive).ToString());
    }

    [Fact]
    public void Object_Attributes_IterateInKeyOrder()
    {
        var v = HclValue.Object(("b", N(2)), ("a", N(1)), ("c", N(3)));
        Assert.Equal(["a", "b", "c"], v.Attributes.Keys);
        Assert.Equal("object({a=number,b=number,c=number})", v.Type.ToTypeExpressionString());
    }

    [Fact]
    public void Set_Numbers_SortNumericallyAndDeduplicate()
    {
        var v = HclValue.Set(N(10), N(2), N(2), HclValue.Number(1.5));
        Assert.Equal("toset([1.5, 2, 10])", v.ToString());
        Assert.Equal(3, v.LengthInt());
    }

    [Fact]
    public void Set_MarkedElements_MoveMarksToSet()
    {
        var v = HclValue.Set(S("a").Mark(HclMarks.Sensitive), S("b"));
        Assert.True(v.IsSensitive);
        Assert.False(v.Elements[0].IsMarked);
    }

    [Fact]
    public void Set_UnknownElements_NeverCoalesceAndLengthUnknown()
    {
        var u = HclValue.UnknownOf(HclType.String);
        var v = HclValue.Set(u, u, S("a"));
        Assert.Equal(3, v.Elements.Count);
        Assert.False(v.Length().IsKnown);
    }

    [Fact]
    public void Equal_DifferentTypes_IsFalse()
    {
        Assert.False(S("1").Equal(N(1)).AsBool());
        Assert.False(S("true").Equal(HclValue.True).AsBool());
        Assert.True(S("a").Equal(S("a")).AsBool());
        Assert.True(S("a").NotEqual(S("b")).AsBool());
    }

    [Fact]
    public void Equal_Unknown_IsUnknownBool()
    {
        var r = HclValue.UnknownOf(HclType.String).Equal(S("a"));
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.Bool, r.Type);
        Assert.False(HclValue.UnknownOf(HclType.String).Equal(N(1)).AsBool());
    }

    [Fact]
    public void Equal_Nulls_AreEqualRegardlessOfType()
    {
        Assert.True(HclValue.NullOf(HclType.String).Equal(HclValue.Null).AsBool());
        Assert.False(HclValue.NullOf(HclType.String).Equal(S("")).AsBool());
    }

    [Fact]
    public void Add_MarkedOperand_ResultKeepsMark()
    {
        var r = N(1).Mark(HclMarks.Sensitive).Add(N(2)).ValueOrThrow();
        Assert.True(r.IsSensitive);
        Assert.Equal("3", r.AsNumber().ToString());
    }

    [Fact]
    public void Add_UnknownOperand_GivesUnknownNumber()
    {
        var r = N(1).Add(HclValue.DynamicVal).ValueOrThrow();
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.Number, r.Type);
    }

    [Fact]
    public void Add_StringOperand_ConvertsOrFails()
    {
        Assert.Equal("3", N(1).Add(S("2")).ValueOrThrow().AsNumber().ToString());
        var bad = N(1).Add(S("x"));
        Assert.False(bad.IsSuccess);
        Assert.Equal("a number is required", bad.Error!.Message);
        Assert.Equal("argument must not be null", N(1).Add(HclValue.NullOf(HclType.Number)).Error!.Message);
    }

    [Fact]
    public void And_FalseWithUnknown_IsFalse()
    {
        Assert.False(HclValue.False.And(HclValue.UnknownOf(HclType.Bool)).ValueOrThrow().AsBool());
        Assert.True(HclValue.UnknownOf(HclType.Bool).Or(HclValue.True).ValueOrThrow().AsBool());
        Assert.False(HclValue.True.And(HclValue.UnknownOf(HclType.Bool)).ValueOrThrow().IsKnown);
    }

    [Fact]
    public void Object_SameNamesDifferentTypes_EachGetsItsOwnType()
    {
        // Object types of one shape are reused; equal names with other attribute types must not be.
        var a = HclValue.Object(("id", S("x")), ("n", N(1)));
        var b = HclValue.Object(("id", S("y")), ("n", S("1")));
        var c = HclValue.Object(("id", S("z")), ("n", N(2)));
        var d = HclValue.Object(("id", S("z")), ("n", HclValue.Object(("deep", N(2)))));
        Assert.Equal(HclType.Object(("id", HclType.String), ("n", HclType.Number)), a.Type);
        Assert.Equal(HclType.Object(("id", HclType.String), ("n", HclType.String)), b.Type);
        Assert.Equal(a.Type, c.Type);
        Assert.Equal(HclType.Object(("id", HclType.String), ("n", HclType.Object(("deep", HclType.Number)))), d.Type);
        Assert.Equal(2, d.GetAttribute("n").GetAttribute("deep").AsNumber().TryToLong(out var deep) ? deep : -1);
    }

    [Fact]
    public void Object_KeysOutOfOrderOrRepeated_SortedAndTheLastWins()
    {
        var unsorted = HclValue.Object(new KeyValuePair<string, HclValue>[] { new("b", N(2)), new("a", N(1)), new("c", N(3)) });
        Assert.Equal(["a", "b", "c"], unsorted.Attributes.Select(kv => kv.Key));
        Assert.Equal([1L, 2L, 3L], unsorted.Attributes.Select(kv => kv.Value.AsNumber().TryToLong(out var l) ? l : -1));
        var repeated = HclValue.Object(new KeyValuePair<string, HclValue>[] { new("b", N(1)), new("a", N(0)), new("b", S("last")) });
        Assert.Equal(["a", "b"], repeated.Attributes.Select(kv => kv.Key));
        Assert.Equal("last", repeated.GetAttribute("b").AsString());
        Assert.Equal(HclType.Object(("a", HclType.Number), ("b", HclType.String)), repeated.Type);
        var decomposed = HclValue.Object(new KeyValuePair<string, HclValue>[] { new("e\u0301", N(1)), new("d", N(0)) });
        Assert.Equal(["d", "\u00e9"], decomposed.Attributes.Select(kv => kv.Key));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Object_ManyKeysShuffledWithRepeats_SortedAndTheLastWins(int n)
    {
        var random = new Random(n);
        var items = Enumerable.Range(0, n).Select(i => new KeyValuePair<string, HclValue>($"k{i:D3}", N(i))).ToList();
        items.AddRange(Enumerable.Range(0, n).Where(i => i % 3 == 0).Select(i => new KeyValuePair<string, HclValue>($"k{i:D3}", S($"again{i}"))));
        var shuffled = items.Take(n).OrderBy(_ => random.Next()).Concat(items.Skip(n)).ToList();
        var v = HclValue.Object(shuffled);
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"k{i:D3}"), v.Attributes.Select(kv => kv.Key));
        for (var i = 0; i < n; i++)
            Assert.Equal(i % 3 == 0 ? $"again{i}" : $"{i}", v.GetAttribute($"k{i:D3}").ToString().Trim('"'));
    }
}
