using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class CollectionSequenceFunctionsTests
{
    [Fact]
    public void Element_Values()
    {
        Gives(S("b"), "element", L(S("a"), S("b"), S("c")), N(1));
        Gives(S("a"), "element", L(S("a"), S("b"), S("c")), N(3));
        Gives(S("b"), "element", L(S("a"), S("b"), S("c")), N(7));
        Gives(N(1), "element", T(S("a"), N(1)), N(1));
        Gives(S("a"), "element", T(S("a"), N(1)), N(2));
        Gives(S("c"), "element", L(S("a"), S("b"), S("c")), N(-1));
        Gives(S("a"), "element", L(S("a"), S("b"), S("c")), N(-3));
        Gives(S("c"), "element", L(S("a"), S("b"), S("c")), N(-4));
        Gives(N(1), "element", T(S("a"), N(1)), N(-1));
        Gives(S("a"), "element", T(S("a"), N(1)), N(-2));
        Same(U(Str), Ok("element", L(S("a")), U(Num)));
        Same(HclValue.DynamicVal, Ok("element", T(S("a"), N(1)), U(Num)));
        Same(U(Str), Ok("element", U(ListT(Str)), N(0)));
        Same(U(Str), Ok("element", L(S("a"), U(Str)), N(1)));
        Same(Sens(S("a")), Ok("element", Sens(L(S("a"))), N(0)));
        Same(Sens(S("a")), Ok("element", L(Sens(S("a")), S("b")), N(0)));
        Gives(S("b"), "element", L(Sens(S("a")), S("b")), N(1));
        Same(Sens(S("b")), Ok("element", L(S("a"), S("b")), Sens(N(1))));
    }

    [Fact]
    public void Element_Errors()
    {
        Fails("cannot use element function with an empty list", "element", LOf(Str), N(0));
        Fails("cannot use element function with an empty list", "element", T(), N(0));
        Fails("invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807", "element", L(S("a")), N(0.5));
        Fails("invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807", "element", T(S("a")), N(0.5));
        Fails("cannot read elements from set of string", "element", Set(S("a")), N(0));
        Fails("cannot read elements from map of string", "element", M(("a", S("a"))), N(0));
        Fails("Invalid value for \"index\" parameter: argument must not be null.", "element", L(S("a")), Null(Num));
    }

    [Fact]
    public void Flatten_Values()
    {
        Gives(T(S("a"), S("b"), S("c")), "flatten", L(L(S("a"), S("b")), LOf(Str), L(S("c"))));
        Gives(T(S("a"), S("b"), S("c")), "flatten", T(L(S("a")), T(S("b"), T(S("c")))));
        Gives(T(), "flatten", LOf(Str));
        Gives(T(), "flatten", L(LOf(Str)));
        Gives(T(N(1), S("x")), "flatten", T(N(1), Set(S("x"))));
        Gives(T(M(("a", S("b")))), "flatten", L(M(("a", S("b")))));
        Gives(T(S("a"), U(Str)), "flatten", L(L(S("a"), U(Str))));
        Same(HclValue.DynamicVal, Ok("flatten", L(U(ListT(Str)), L(S("a")))));
        Same(HclValue.DynamicVal, Ok("flatten", U(ListT(ListT(Str)))));
        Same(T(S("a"), Sens(S("b"))), Ok("flatten", L(L(S("a")), L(Sens(S("b"))))));
        Same(Sens(T(S("a"), S("b"))), Ok("flatten", T(L(S("a")), Sens(L(S("b"))))));
        Same(Sens(T()), Ok("flatten", Sens(LOf(Str))));
        Fails("can only flatten lists, sets and tuples", "flatten", S("a"));
        Fails("can only flatten lists, sets and tuples", "flatten", M(("a", S("b"))));
    }

    [Fact]
    public void Reverse_Values()
    {
        Gives(L(S("c"), S("b"), S("a")), "reverse", L(S("a"), S("b"), S("c")));
        Gives(LOf(Str), "reverse", LOf(Str));
        Gives(T(B(true), N(1), S("a")), "reverse", T(S("a"), N(1), B(true)));
        Gives(T(), "reverse", T());
        Gives(L(S("b"), S("a")), "reverse", Set(S("a"), S("b")));
        Same(U(ListT(Str)), Ok("reverse", U(ListT(Str))));
        Same(Sens(L(S("b"), S("a"))), Ok("reverse", Sens(L(S("a"), S("b")))));
        Same(L(S("b"), Sens(S("a"))), Ok("reverse", L(Sens(S("a")), S("b"))));
        Fails("Invalid value for \"list\" parameter: can only reverse list or tuple values, not string.", "reverse", S("abc"));
        Fails("Invalid value for \"list\" parameter: can only reverse list or tuple values, not map of string.", "reverse", M(("a", S("b"))));
    }

    [Fact]
    public void Slice_Values()
    {
        Gives(L(S("b"), S("c")), "slice", L(S("a"), S("b"), S("c"), S("d")), N(1), N(3));
        Gives(LOf(Str), "slice", L(S("a"), S("b")), N(1), N(1));
        Gives(L(S("a"), S("b")), "slice", L(S("a"), S("b")), N(0), N(2));
        Gives(T(N(1), B(true)), "slice", T(S("a"), N(1), B(true)), N(1), N(3));
        Gives(T(), "slice", T(S("a")), N(1), N(1));
        Same(U(ListT(Str)), Ok("slice", L(S("a"), S("b")), U(Num), N(1)));
        Same(HclValue.DynamicVal, Ok("slice", T(S("a"), N(1)), N(0), U(Num)));
        Same(U(ListT(Str)), Ok("slice", U(ListT(Str)), N(0), N(1)));
        Same(Sens(L(S("a"))), Ok("slice", Sens(L(S("a"), S("b"))), N(0), N(1)));
        Same(L(Sens(S("a"))), Ok("slice", L(Sens(S("a")), S("b")), N(0), N(1)));
    }

    [Fact]
    public void Slice_Errors()
    {
        var e = Err("slice", L(S("a"), S("b")), N(3), N(3));
        Assert.Equal("Invalid value for \"start_index\" parameter: start index must not be greater than the length of the list.", e.Message);
        Assert.Equal(1, e.ArgumentIndex);
        Fails("Invalid value for \"start_index\" parameter: start index must not be less than zero.", "slice", L(S("a")), N(-1), N(1));
        Fails("Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list.", "slice", L(S("a")), N(0), N(2));
        Fails("Invalid value for \"end_index\" parameter: end index must not be less than zero.", "slice", L(S("a")), N(0), N(-1));
        Fails("Invalid value for \"start_index\" parameter: start index must not be greater than end index.", "slice", L(S("a"), S("b")), N(2), N(1));
        Fails("Invalid value for \"start_index\" parameter: invalid start index: value must be a whole number, between -9223372036854775808 and 9223372036854775807.", "slice", L(S("a")), N(0.5), N(1));
        Fails("Invalid value for \"end_index\" parameter: invalid end index: value must be a whole number, between -9223372036854775808 and 9223372036854775807.", "slice", L(S("a")), N(0), N(0.5));
        Fails("Invalid value for \"list\" parameter: cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important.", "slice", Set(S("a")), N(0), N(1));
        Fails("Invalid value for \"list\" parameter: must be a list or tuple value.", "slice", S("abc"), N(0), N(1));
        Fails("Invalid value for \"start_index\" parameter: start index must not be less than zero.", "slice", U(ListT(Str)), N(-1), N(1));
    }

    [Fact]
    public void Matchkeys_Values()
    {
        Gives(L(S("i-1"), S("i-3")), "matchkeys", L(S("i-1"), S("i-2"), S("i-3")), L(S("us-west"), S("us-east"), S("us-west")), L(S("us-west")));
        Gives(LOf(Str), "matchkeys", L(S("a")), L(S("x")), L(S("y")));
        Gives(LOf(Str), "matchkeys", L(S("a")), L(S("x")), LOf(Str));
        Gives(L(S("a")), "matchkeys", L(S("a"), S("b")), L(N(1), N(2)), L(S("1")));
        Gives(L(N(2)), "matchkeys", L(N(1), N(2)), L(S("a"), S("b")), T(S("b")));
        Same(U(ListT(Str)), Ok("matchkeys", L(S("a")), L(U(Str)), L(S("x"))));
        Same(U(ListT(Str)), Ok("matchkeys", U(ListT(Str)), L(S("a")), L(S("x"))));
        Same(Sens(L(S("a"))), Ok("matchkeys", L(Sens(S("a"))), L(S("x")), L(S("x"))));
        Fails("length of keys and values should be equal", "matchkeys", L(S("a")), L(S("x"), S("y")), L(S("x")));
        Fails("keys and searchset must be of the same type", "matchkeys", L(S("a")), L(S("x")), L(L(S("x"))));
    }
}
