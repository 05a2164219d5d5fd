using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

/// <summary>Result types follow Terraform's (tuples stay tuples, objects stay objects).</summary>
public sealed class CollectionResultTypeTests
{
    private static void TypeIs(HclType expected, string name, params HclValue[] args)
    {
        var v = Ok(name, args);
        Assert.True(expected.Equals(v.Type), $"{name}: expected {expected}, got {v.Type}");
    }

    [Fact]
    public void Concat_TypeRules()
    {
        TypeIs(ListT(Str), "concat", L(S("a")), L(N(1)));
        TypeIs(TupleT(Str, Num), "concat", T(S("a")), T(N(1)));
        TypeIs(TupleT(Str, Str, Num), "concat", L(S("a"), S("b")), T(N(1)));
        TypeIs(TupleT(ListT(Str), Num), "concat", L(L(S("a"))), L(N(1)));
    }

    [Fact]
    public void Merge_TypeRules()
    {
        TypeIs(HclType.Object(("a", Str)), "merge", O(("a", N(1))), O(("a", S("x"))));
        TypeIs(HclType.Object(("a", Num), ("b", Bool)), "merge", O(("a", N(1))), O(("b", B(true))));
        TypeIs(MapT(Str), "merge", M(("a", S("x"))), M(("b", S("y"))));
        TypeIs(HclType.Object(("a", Str), ("b", Num)), "merge", M(("a", S("x"))), O(("b", N(1))));
        TypeIs(HclType.EmptyObject, "merge");
    }

    [Fact]
    public void KeysValues_TypeRules()
    {
        TypeIs(TupleT(Str, Str), "keys", O(("a", N(1)), ("b", B(true))));
        TypeIs(ListT(Str), "keys", M(("a", N(1))));
        TypeIs(TupleT(Num, Bool), "values", O(("a", N(1)), ("b", B(true))));
        TypeIs(ListT(Num), "values", M(("a", N(1))));
        TypeIs(HclType.EmptyTuple, "keys", HclValue.EmptyObject);
    }

    [Fact]
    public void Sequence_TypeRules()
    {
        TypeIs(TupleT(Num, Str), "flatten", T(L(N(1)), T(S("a"))));
        TypeIs(TupleT(Bool, Str), "reverse", T(S("a"), B(true)));
        TypeIs(ListT(Str), "reverse", Set(S("a")));
        TypeIs(TupleT(Num), "slice", T(S("a"), N(1), B(true)), N(1), N(2));
        TypeIs(ListT(Str), "slice", L(S("a"), S("b")), N(1), N(2));
        TypeIs(Num, "element", T(S("a"), N(1)), N(1));
        TypeIs(Bool, "one", T(B(true)));
        TypeIs(ListT(ListT(Str)), "chunklist", T(S("a"), S("b")), N(1));
        TypeIs(ListT(Str), "distinct", T(S("a"), N(1)));
        TypeIs(MapT(Num), "zipmap", L(S("a")), L(N(1)));
        TypeIs(HclType.Object(("a", Num), ("b", Str)), "zipmap", L(S("a"), S("b")), T(N(1), S("x")));
        TypeIs(ListT(TupleT(Str, Num)), "setproduct", L(S("a")), L(N(1)));
        TypeIs(SetT(TupleT(Str, Num)), "setproduct", Set(S("a")), L(N(1)));
        TypeIs(SetT(Str), "setunion", Set(S("a")), Set(N(1)));
        TypeIs(ListT(Num), "range", N(3));
        TypeIs(MapT(ListT(Str)), "transpose", M(("a", L(S("b")))));
        TypeIs(TupleT(Str, Str), "regex", S("(a)(b)"), S("ab"));
        TypeIs(HclType.Object(("x", Str)), "regex", S("(?P<x>a)"), S("ab"));
        TypeIs(ListT(TupleT(Str)), "regexall", S("(a)"), S("aa"));
        TypeIs(ListT(Str), "split", S(","), S("a,b"));
    }
}
