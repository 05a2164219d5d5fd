using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class CollectionFunctionsTests
{
    [Fact]
    public void Length_Values()
    {
        Gives(N(0), "length", LOf(Str));
        Gives(N(2), "length", L(S("a"), S("b")));
        Gives(N(3), "length", T(S("a"), N(1), B(true)));
        Gives(N(2), "length", Set(N(1), N(2)));
        Gives(N(1), "length", M(("a", N(1))));
        Gives(N(2), "length", O(("a", N(1)), ("b", S("x"))));
        Gives(N(5), "length", S("hello"));
        Gives(N(1), "length", S("e\u0301"));
        Gives(N(1), "length", S("👨‍👩‍👧"));
        Gives(N(0), "length", S(""));
        Gives(N(0), "length", HclValue.EmptyObject);
    }

    [Fact]
    public void Length_Unknowns()
    {
        Gives(N(2), "length", L(S("a"), U(Str)));
        Same(U(Num), Ok("length", U(ListT(Str))));
        Same(U(Num), Ok("length", HclValue.DynamicVal));
        Same(U(Num), Ok("length", U(Str)));
        Gives(N(2), "length", U(TupleT(Str, Num)));
        Gives(N(1), "length", U(HclType.Object(("a", Str))));
        Same(U(Num), Ok("length", Set(S("a"), U(Str))));
    }

    [Fact]
    public void Length_Marks()
    {
        Same(Sens(N(2)), Ok("length", Sens(L(S("a"), S("b")))));
        Gives(N(2), "length", L(Sens(S("a")), S("b")));
        Same(Sens(N(3)), Ok("length", Sens(S("abc"))));
        Same(Sens(U(Num)), Ok("length", Sens(U(ListT(Str)))));
    }

    [Fact]
    public void Length_Errors()
    {
        Fails("argument must be a string, a collection type, or a structural type", "length", N(1));
        Fails("argument must be a string, a collection type, or a structural type", "length", B(true));
        Fails("Invalid value for \"value\" parameter: argument must not be null.", "length", Null(ListT(Str)));
    }

    [Fact]
    public void AllTrue_AnyTrue()
    {
        Gives(B(true), "alltrue", LOf(Bool));
        Gives(B(true), "alltrue", L(B(true), B(true)));
        Gives(B(false), "alltrue", L(B(true), B(false)));
        Gives(B(true), "alltrue", T(S("true"), B(true)));
        Gives(B(false), "alltrue", L(B(true), Null(Bool)));
        Same(U(Bool), Ok("alltrue", L(B(true), U(Bool))));
        Gives(B(false), "alltrue", L(B(false), U(Bool)));
        Gives(B(false), "anytrue", LOf(Bool));
        Gives(B(true), "anytrue", L(B(false), B(true)));
        Gives(B(false), "anytrue", L(B(false), Null(Bool)));
        Gives(B(true), "anytrue", L(U(Bool), B(true)));
        Same(U(Bool), Ok("anytrue", L(U(Bool), B(false))));
        Same(U(Bool), Ok("alltrue", U(ListT(Bool))));
        Same(Sens(B(true)), Ok("anytrue", L(Sens(B(true)))));
        Assert.Contains("a bool is required", Err("alltrue", T(S("maybe"))).Message);
    }

    [Fact]
    public void Chunklist_Values()
    {
        Gives(L(L(S("a"), S("b")), L(S("c"))), "chunklist", L(S("a"), S("b"), S("c")), N(2));
        Gives(L(L(S("a")), L(S("b"))), "chunklist", L(S("a"), S("b")), N(1));
        Gives(L(L(S("a"), S("b"))), "chunklist", L(S("a"), S("b")), N(0));
        Gives(L(L(S("a"), S("b"))), "chunklist", L(S("a"), S("b")), N(5));
        Gives(LOf(ListT(Str)), "chunklist", LOf(Str), N(2));
        Gives(L(L(N(1), N(2))), "chunklist", T(N(1), N(2)), N(3));
        Same(U(ListT(ListT(Str))), Ok("chunklist", U(ListT(Str)), N(2)));
        Same(Sens(L(L(S("a")))), Ok("chunklist", Sens(L(S("a"))), N(1)));
        Same(L(L(Sens(S("a")), S("b"))), Ok("chunklist", L(Sens(S("a")), S("b")), N(2)));
        Same(Sens(L(L(S("a")))), Ok("chunklist", L(S("a")), Sens(N(1))));
        Fails("the size argument must be positive", "chunklist", L(S("a")), N(-1));
        Fails("invalid size: value must be a whole number, between -9223372036854775808 and 9223372036854775807", "chunklist", L(S("a")), N(1.5));
    }

    [Fact]
    public void Coalesce_Values()
    {
        Gives(S("a"), "coalesce", S("a"), S("b"));
        Gives(S("b"), "coalesce", S(""), S("b"));
        Gives(S("b"), "coalesce", Null(Str), S("b"));
        Gives(N(1), "coalesce", Null(Num), N(1), N(2));
        Gives(S("1"), "coalesce", N(1), S("a"));
        Gives(S("b"), "coalesce", HclValue.Null, S("b"));
        Gives(L(S("a")), "coalesce", Null(ListT(Str)), L(S("a")));
        Same(U(Str), Ok("coalesce", U(Str), S("b")));
        Gives(S("a"), "coalesce", S("a"), U(Str));
        Same(Sens(S("a")), Ok("coalesce", S("a"), Sens(S("b"))));
    }

    [Fact]
    public void Coalesce_Errors()
    {
        Fails("no non-null, non-empty-string arguments", "coalesce", Null(Str), S(""));
        Fails("all arguments must have the same type", "coalesce", L(S("a")), S("b"));
        Fails("all arguments must have the same type", "coalesce");
    }

    [Fact]
    public void CoalesceList_Values()
    {
        Gives(L(S("a")), "coalescelist", L(S("a")), L(S("b")));
        Gives(L(S("b")), "coalescelist", LOf(Str), L(S("b")));
        Gives(T(N(1)), "coalescelist", T(), T(N(1)));
        Gives(L(S("b")), "coalescelist", Null(ListT(Str)), L(S("b")));
        Same(HclValue.DynamicVal, Ok("coalescelist", U(ListT(Str)), L(S("b"))));
        Gives(L(S("a")), "coalescelist", L(S("a")), U(ListT(Str)));
        Fails("at least one argument is required", "coalescelist");
        Fails("coalescelist arguments must be lists or tuples", "coalescelist", S("a"));
        Fails("no non-null arguments", "coalescelist", LOf(Str), T());
    }

    [Fact]
    public void Compact_Values()
    {
        Gives(L(S("a"), S("b")), "compact", L(S("a"), S(""), S("b"), Null(Str)));
        Gives(LOf(Str), "compact", L(S(""), Null(Str)));
        Gives(LOf(Str), "compact", LOf(Str));
        Gives(L(S("1")), "compact", T(N(1), S("")));
        Same(U(ListT(Str)), Ok("compact", L(S("a"), U(Str))));
        Same(Sens(L(S("a"))), Ok("compact", L(Sens(S("a")), S(""))));
    }

    [Fact]
    public void Concat_Lists()
    {
        Gives(L(S("a"), S("b"), S("c")), "concat", L(S("a")), L(S("b"), S("c")));
        Gives(LOf(Str), "concat", LOf(Str), LOf(Str));
        Gives(L(S("1"), S("a")), "concat", L(N(1)), L(S("a")));
        Gives(L(S("a")), "concat", L(S("a")));
        Same(Sens(L(S("a"), S("b"))), Ok("concat", Sens(L(S("a"))), L(S("b"))));
        Same(L(Sens(S("a")), S("b")), Ok("concat", L(Sens(S("a"))), L(S("b"))));
        Same(U(ListT(Str)), Ok("concat", U(ListT(Str)), L(S("b"))));
    }

    [Fact]
    public void Concat_Tuples()
    {
        Gives(T(S("a"), N(1), B(true)), "concat", T(S("a"), N(1)), T(B(true)));
        Gives(T(S("a"), N(1)), "concat", L(S("a")), T(N(1)));
        Gives(T(), "concat", T(), T());
        Gives(T(L(S("a")), N(1)), "concat", L(L(S("a"))), T(N(1)));
        Same(HclValue.DynamicVal, Ok("concat", T(N(1)), U(ListT(Str))));
    }

    [Fact]
    public void Concat_Errors()
    {
        Fails("at least one argument is required", "concat");
        var e = Err("concat", L(S("a")), S("b"));
        Assert.Equal("Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got string.", e.Message);
        Assert.Equal(1, e.ArgumentIndex);
        Fails("Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got set of string.", "concat", Set(S("a")));
        Fails("Invalid value for \"seqs\" parameter: argument must not be null.", "concat", Null(ListT(Str)));
    }

    [Fact]
    public void Contains_Values()
    {
        Gives(B(true), "contains", L(S("a"), S("b")), S("a"));
        Gives(B(false), "contains", L(S("a"), S("b")), S("c"));
        Gives(B(false), "contains", LOf(Str), S("c"));
        Gives(B(true), "contains", Set(N(1), N(2)), N(2));
        Gives(B(true), "contains", T(N(1), S("x")), S("x"));
        Gives(B(false), "contains", L(N(1)), S("1"));
        Gives(B(true), "contains", L(L(S("a"))), L(S("a")));
        Gives(B(true), "contains", L(S("a"), U(Str)), S("a"));
        Same(U(Bool), Ok("contains", L(S("a"), U(Str)), S("b")));
        Same(U(Bool), Ok("contains", L(S("a")), U(Str)));
        Same(U(Bool), Ok("contains", U(ListT(Str)), S("a")));
        Same(Sens(B(true)), Ok("contains", L(Sens(S("a"))), S("a")));
        Fails("argument must be list, tuple, or set", "contains", M(("a", S("a"))), S("a"));
        Fails("argument must be list, tuple, or set", "contains", S("abc"), S("a"));
        Fails("Invalid value for \"list\" parameter: argument must not be null.", "contains", Null(ListT(Str)), S("a"));
    }

    [Fact]
    public void Index_Values()
    {
        Gives(N(1), "index", L(S("a"), S("b"), S("c")), S("b"));
        Gives(N(0), "index", L(S("a"), S("a")), S("a"));
        Gives(N(1), "index", T(N(1), S("x")), S("x"));
        Same(U(Num), Ok("index", L(U(Str), S("b")), S("b")));
        Same(U(Num), Ok("index", U(ListT(Str)), S("b")));
        Fails("item not found", "index", L(S("a")), S("z"));
        Fails("cannot search an empty list", "index", LOf(Str), S("z"));
        Fails("argument must be a list or tuple", "index", Set(S("a")), S("a"));
        Fails("item not found", "index", L(N(1)), S("1"));
    }

    [Fact]
    public void Distinct_Values()
    {
        Gives(L(S("a"), S("b"), S("c")), "distinct", L(S("a"), S("b"), S("a"), S("c"), S("b")));
        Gives(LOf(Str), "distinct", LOf(Str));
        Gives(L(S("1"), S("a")), "distinct", T(N(1), S("a"), S("1")));
        Gives(L(L(N(1)), L(N(2))), "distinct", L(L(N(1)), L(N(2)), L(N(1))));
        Same(U(ListT(Str)), Ok("distinct", L(S("a"), U(Str))));
        Same(Sens(L(S("a"))), Ok("distinct", L(Sens(S("a")), S("a"))));
    }

    [Fact]
    public void Sort_Values()
    {
        Gives(L(S("a"), S("b"), S("c")), "sort", L(S("c"), S("a"), S("b")));
        Gives(L(S("1"), S("10"), S("9")), "sort", L(N(10), N(9), N(1)));
        Gives(L(S("B"), S("a"), S("é")), "sort", L(S("é"), S("a"), S("B")));
        Gives(L(S("\uFB01"), S("😀")), "sort", L(S("😀"), S("\uFB01")));
        Gives(LOf(Str), "sort", LOf(Str));
        Same(U(ListT(Str)), Ok("sort", L(S("a"), U(Str))));
        Fails("given list element 1 is null; a null string cannot be sorted", "sort", L(S("a"), Null(Str)));
    }

    [Fact]
    public void One_Values()
    {
        Gives(S("a"), "one", L(S("a")));
        Gives(Null(Str), "one", LOf(Str));
        Gives(N(1), "one", Set(N(1)));
        Gives(Null(Num), "one", SetOf(Num));
        Gives(S("x"), "one", T(S("x")));
        Same(HclValue.Null, Ok("one", T()));
        Same(U(Str), Ok("one", U(ListT(Str))));
        Same(U(Str), Ok("one", Set(U(Str))));
        Same(Sens(S("a")), Ok("one", Sens(L(S("a")))));
        Same(Sens(S("a")), Ok("one", L(Sens(S("a")))));
    }

    [Fact]
    public void One_Errors()
    {
        const string msg = "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements.";
        Fails(msg, "one", L(S("a"), S("b")));
        Fails(msg, "one", T(S("a"), N(1)));
        Fails(msg, "one", M(("a", S("b"))));
        Fails(msg, "one", S("a"));
        Fails("Invalid value for \"list\" parameter: argument must not be null.", "one", Null(ListT(Str)));
    }

    [Fact]
    public void Range_Values()
    {
        Gives(L(N(0), N(1), N(2)), "range", N(3));
        Gives(LOf(Num), "range", N(0));
        Gives(L(N(0), N(-1), N(-2)), "range", N(-3));
        Gives(L(N(1), N(2), N(3)), "range", N(1), N(4));
        Gives(L(N(4), N(3), N(2)), "range", N(4), N(1));
        Gives(L(N(1), N(3)), "range", N(1), N(4), N(2));
        Gives(L(N(10), N(7), N(4)), "range", N(10), N(1), N(-3));
        Gives(L(N(1), N(1.5)), "range", N(1), N(2), N(0.5));
        Gives(LOf(Num), "range", N(1), N(1));
        Same(U(ListT(Num)), Ok("range", U(Num)));
    }

    [Fact]
    public void Range_Errors()
    {
        Fails("must have one, two, or three arguments", "range");
        Fails("must have one, two, or three arguments", "range", N(1), N(2), N(3), N(4));
        var e = Err("range", N(1), N(4), N(0));
        Assert.Equal("Invalid value for \"params\" parameter: step must not be zero.", e.Message);
        Assert.Equal(2, e.ArgumentIndex);
        Fails("Invalid value for \"params\" parameter: end must be greater than start when step is positive.", "range", N(4), N(1), N(1));
        Fails("Invalid value for \"params\" parameter: end must be less than start when step is negative.", "range", N(1), N(4), N(-1));
        Fails("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step", "range", N(2000));
        Gives(N(1024), "length", Ok("range", N(1024)));
    }

    [Fact]
    public void List_Map_AreRemoved()
    {
        Fails("the \"list\" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list", "list", S("a"));
        Fails("the \"list\" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list", "list");
        Fails("the \"map\" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map", "map", S("a"), S("b"));
        Fails("the \"map\" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map", "map", U(Str));
    }
}
