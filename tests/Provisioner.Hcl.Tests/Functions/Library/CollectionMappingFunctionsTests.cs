using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class CollectionMappingFunctionsTests
{
    [Fact]
    public void Keys_Values()
    {
        Gives(L(S("a"), S("b")), "keys", M(("b", N(2)), ("a", N(1))));
        Gives(LOf(Str), "keys", MOf(Num));
        Gives(T(S("a"), S("b")), "keys", O(("b", N(2)), ("a", S("x"))));
        Gives(T(), "keys", HclValue.EmptyObject);
        Gives(T(S("a"), S("b")), "keys", U(HclType.Object(("a", Str), ("b", Num))));
        Same(U(ListT(Str)), Ok("keys", U(MapT(Str))));
        Gives(L(S("a")), "keys", M(("a", U(Str))));
        Same(Sens(L(S("a"))), Ok("keys", Sens(M(("a", N(1))))));
        Gives(L(S("a")), "keys", M(("a", Sens(N(1)))));
        Gives(L(S("B"), S("a"), S("é")), "keys", M(("é", N(1)), ("a", N(2)), ("B", N(3))));
        Fails("Invalid value for \"inputMap\" parameter: must have map or object type.", "keys", L(S("a")));
        Fails("Invalid value for \"inputMap\" parameter: argument must not be null.", "keys", Null(MapT(Str)));
    }

    [Fact]
    public void Values_Values()
    {
        Gives(L(N(1), N(2)), "values", M(("b", N(2)), ("a", N(1))));
        Gives(LOf(Num), "values", MOf(Num));
        Gives(T(S("x"), N(2)), "values", O(("b", N(2)), ("a", S("x"))));
        Gives(T(), "values", HclValue.EmptyObject);
        Same(U(ListT(Num)), Ok("values", U(MapT(Num))));
        Same(U(TupleT(Str, Num)), Ok("values", U(HclType.Object(("a", Str), ("b", Num)))));
        Same(Sens(L(N(1))), Ok("values", Sens(M(("a", N(1))))));
        Same(L(Sens(N(1)), N(2)), Ok("values", M(("a", Sens(N(1))), ("b", N(2)))));
        Fails("values() requires a map as the first argument", "values", L(S("a")));
    }

    [Fact]
    public void Lookup_Values()
    {
        var m = M(("a", S("x")), ("b", S("y")));
        Gives(S("x"), "lookup", m, S("a"));
        Gives(S("y"), "lookup", m, S("b"), S("z"));
        Gives(S("z"), "lookup", m, S("c"), S("z"));
        Gives(S("1"), "lookup", m, S("c"), N(1));
        Gives(N(1), "lookup", O(("a", N(1)), ("b", S("x"))), S("a"));
        Gives(B(true), "lookup", O(("a", N(1))), S("c"), B(true));
        Gives(Null(Str), "lookup", m, S("c"), HclValue.Null);
        Same(U(Str), Ok("lookup", U(MapT(Str)), S("a")));
        Same(HclValue.DynamicVal, Ok("lookup", O(("a", N(1))), U(Str)));
        Same(U(Str), Ok("lookup", m, U(Str)));
        Gives(S("x"), "lookup", M(("a", S("x")), ("b", U(Str))), S("a"));
        Same(U(Str), Ok("lookup", m, S("c"), U(Str)));
    }

    [Fact]
    public void Lookup_Marks()
    {
        Same(Sens(S("x")), Ok("lookup", Sens(M(("a", S("x")))), S("a")));
        Same(Sens(S("x")), Ok("lookup", M(("a", Sens(S("x")))), S("a")));
        Same(Sens(S("x")), Ok("lookup", M(("a", S("x"))), Sens(S("a"))));
        Same(Sens(S("z")), Ok("lookup", M(("a", S("x"))), S("b"), Sens(S("z"))));
        Gives(S("x"), "lookup", M(("a", S("x"))), S("a"), Sens(S("z")));
    }

    [Fact]
    public void Lookup_Errors()
    {
        Fails("lookup failed to find key \"x\"", "lookup", M(("a", S("b"))), S("x"));
        Fails("lookup failed to find key (sensitive value)", "lookup", M(("a", S("b"))), Sens(S("x")));
        Fails("Invalid value for \"inputMap\" parameter: the given object has no attribute \"x\".", "lookup", O(("a", S("b"))), S("x"));
        Fails("Invalid value for \"inputMap\" parameter: lookup() requires a map as the first argument.", "lookup", L(S("a")), S("x"));
        Fails("Invalid value for \"default\" parameter: the default value must have the same type as the map elements.", "lookup", M(("a", S("b"))), S("x"), L(S("a")));
        Fails("lookup() takes two or three arguments, got 4", "lookup", M(("a", S("b"))), S("x"), S("y"), S("z"));
        Assert.Equal(FunctionErrorKind.Arity, Err("lookup", M(("a", S("b")))).Kind);
        Fails("Invalid value for \"inputMap\" parameter: argument must not be null.", "lookup", Null(MapT(Str)), S("x"));
    }

    [Fact]
    public void Merge_Maps()
    {
        Gives(M(("a", S("b")), ("c", S("d"))), "merge", M(("a", S("b"))), M(("c", S("d"))));
        Gives(M(("a", S("z"))), "merge", M(("a", S("b"))), M(("a", S("z"))));
        Gives(M(("a", S("b"))), "merge", M(("a", S("b"))), Null(MapT(Str)));
        Gives(MOf(Str), "merge", MOf(Str), MOf(Str));
        Same(HclValue.EmptyObject, Ok("merge"));
        Same(U(MapT(Str)), Ok("merge", M(("a", S("b"))), U(MapT(Str))));
    }

    [Fact]
    public void Merge_Objects()
    {
        Gives(O(("a", N(1)), ("b", S("x"))), "merge", O(("a", N(1))), O(("b", S("x"))));
        Gives(O(("a", S("last"))), "merge", O(("a", N(1))), O(("a", S("last"))));
        Gives(O(("a", S("b")), ("c", N(1))), "merge", M(("a", S("b"))), O(("c", N(1))));
        Gives(O(("a", N(1))), "merge", M(("a", S("b"))), O(("a", N(1))));
        Same(HclValue.DynamicVal, Ok("merge", O(("c", N(1))), U(MapT(Str))));
        Same(HclValue.DynamicVal, Ok("merge", O(("c", N(1))), HclValue.DynamicVal));
        Same(U(HclType.Object(("a", Num), ("c", Str))), Ok("merge", O(("c", S("x"))), U(HclType.Object(("a", Num)))));
    }

    [Fact]
    public void Merge_MarksAndErrors()
    {
        Same(Sens(M(("a", S("b")), ("c", S("d")))), Ok("merge", Sens(M(("a", S("b")))), M(("c", S("d")))));
        Same(M(("a", Sens(S("b"))), ("c", S("d"))), Ok("merge", M(("a", Sens(S("b")))), M(("c", S("d")))));
        Fails("arguments must be maps or objects, got \"string\"", "merge", M(("a", S("b"))), S("x"));
        Fails("arguments must be maps or objects, got \"list of string\"", "merge", L(S("x")));
    }

    [Fact]
    public void Zipmap_Values()
    {
        Gives(M(("a", N(1)), ("b", N(2))), "zipmap", L(S("a"), S("b")), L(N(1), N(2)));
        Gives(MOf(Num), "zipmap", LOf(Str), LOf(Num));
        Gives(O(("a", N(1)), ("b", S("x"))), "zipmap", L(S("a"), S("b")), T(N(1), S("x")));
        Gives(M(("a", N(2))), "zipmap", L(S("a"), S("a")), L(N(1), N(2)));
        Gives(O(("a", S("x"))), "zipmap", T(S("a"), S("a")), T(N(1), S("x")));
        Same(U(MapT(Num)), Ok("zipmap", L(U(Str)), L(N(1))));
        Same(HclValue.DynamicVal, Ok("zipmap", L(U(Str)), T(N(1))));
        Same(Sens(M(("a", N(1)))), Ok("zipmap", L(Sens(S("a"))), L(N(1))));
        Same(M(("a", Sens(N(1)))), Ok("zipmap", L(S("a")), L(Sens(N(1)))));
        Same(Sens(M(("a", N(1)))), Ok("zipmap", L(S("a")), Sens(L(N(1)))));
    }

    [Fact]
    public void Zipmap_Errors()
    {
        Fails("number of keys (2) does not match number of values (1)", "zipmap", L(S("a"), S("b")), L(N(1)));
        Fails("number of keys (1) does not match number of values (2)", "zipmap", L(S("a")), T(N(1), N(2)));
        Fails("values argument must be a list or tuple value", "zipmap", L(S("a")), M(("a", N(1))));
        Fails("keys list has null value at index 0", "zipmap", L(Null(Str)), T(N(1)));
        Fails("keys list has null value at index 1", "zipmap", L(S("a"), Null(Str)), L(N(1), N(2)));
    }

    [Fact]
    public void Transpose_Values()
    {
        Gives(
            M(("a", L(S("x"), S("y"))), ("b", L(S("x"), S("z"))), ("c", L(S("y")))),
            "transpose",
            M(("x", L(S("a"), S("b"))), ("y", L(S("a"), S("c"))), ("z", L(S("b")))));
        Gives(MOf(ListT(Str)), "transpose", MOf(ListT(Str)));
        Gives(MOf(ListT(Str)), "transpose", M(("a", LOf(Str))));
        Gives(M(("1", L(S("a")))), "transpose", O(("a", T(N(1)))));
        Same(U(MapT(ListT(Str))), Ok("transpose", M(("a", L(U(Str))))));
        Same(Sens(M(("x", L(S("a"))))), Ok("transpose", M(("a", L(Sens(S("x")))))));
        Fails("input must be a map of lists of strings", "transpose", M(("a", L(Null(Str)))));
        Assert.Equal(FunctionErrorKind.InvalidArgument, Err("transpose", M(("a", S("b")))).Kind);
    }
}
