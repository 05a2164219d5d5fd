using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class CollectionSetFunctionsTests
{
    [Fact]
    public void SetUnion_Values()
    {
        Gives(Set(S("a"), S("b"), S("c")), "setunion", Set(S("a"), S("b")), Set(S("b"), S("c")));
        Gives(Set(S("a")), "setunion", Set(S("a")));
        Gives(Set(S("1"), S("a")), "setunion", Set(N(1)), Set(S("a")));
        Gives(Set(S("a"), S("b")), "setunion", L(S("a"), S("a")), T(S("b")));
        Gives(Set(S("a")), "setunion", Set(S("a")), SetOf(Dyn));
        Gives(SetOf(Dyn), "setunion", SetOf(Dyn), SetOf(Dyn));
        Same(SetOf(Str, S("a"), U(Str)), Ok("setunion", Set(S("a")), Set(U(Str))));
        Same(U(SetT(Str)), Ok("setunion", Set(S("a")), U(SetT(Str))));
        Same(Sens(Set(S("a"), S("b"))), Ok("setunion", Set(Sens(S("a"))), Set(S("b"))));
        Fails("given sets must all have compatible element types", "setunion", Set(S("a")), Set(L(S("b"))));
        Fails("Invalid value for \"first_set\" parameter: argument must not be null.", "setunion", Null(SetT(Str)), Set(S("a")));
    }

    [Fact]
    public void SetIntersection_Values()
    {
        Gives(Set(S("b")), "setintersection", Set(S("a"), S("b")), Set(S("b"), S("c")));
        Gives(SetOf(Str), "setintersection", Set(S("a")), Set(S("b")));
        Gives(Set(S("b")), "setintersection", Set(S("a"), S("b")), Set(S("b"), S("c")), Set(S("b"), S("d")));
        Gives(Set(S("1")), "setintersection", Set(N(1), N(2)), Set(S("1")));
        Gives(SetOf(Str), "setintersection", Set(S("a")), SetOf(Dyn));
        Same(U(SetT(Str)), Ok("setintersection", Set(S("a")), Set(U(Str))));
    }

    [Fact]
    public void SetSubtract_Values()
    {
        Gives(Set(S("a")), "setsubtract", Set(S("a"), S("b")), Set(S("b"), S("c")));
        Gives(SetOf(Str), "setsubtract", Set(S("a")), Set(S("a")));
        Gives(Set(S("a")), "setsubtract", Set(S("a")), SetOf(Dyn));
        Gives(Set(S("2")), "setsubtract", L(N(1), N(2)), L(S("1")));
        Same(U(SetT(Str)), Ok("setsubtract", Set(S("a"), U(Str)), Set(S("a"))));
        Same(Sens(SetOf(Str)), Ok("setsubtract", Set(S("a")), Sens(Set(S("a")))));
        Fails("Function \"setsubtract\" expects only 2 arguments.", "setsubtract", Set(S("a")), Set(S("b")), Set(S("c")));
    }

    [Fact]
    public void SetProduct_Values()
    {
        Gives(L(T(S("a"), N(1)), T(S("a"), N(2)), T(S("b"), N(1)), T(S("b"), N(2))),
            "setproduct", L(S("a"), S("b")), L(N(1), N(2)));
        Gives(Set(T(S("a"), S("x")), T(S("b"), S("x"))), "setproduct", Set(S("a"), S("b")), L(S("x")));
        Gives(LOf(TupleT(Str, Num)), "setproduct", L(S("a")), LOf(Num));
        Gives(SetOf(TupleT(Str, Num)), "setproduct", Set(S("a")), LOf(Num));
        Gives(L(T(S("a"), S("1"))), "setproduct", T(S("a")), T(S("1")));
        Gives(LOf(TupleT(Str, Dyn)), "setproduct", L(S("a")), T());
        Same(U(ListT(TupleT(Str, Str))), Ok("setproduct", L(S("a")), U(ListT(Str))));
        Same(Sens(L(T(S("a"), S("b")))), Ok("setproduct", Sens(L(S("a"))), L(S("b"))));
    }

    [Fact]
    public void SetProduct_Errors()
    {
        Fails("at least two arguments are required", "setproduct", L(S("a")));
        Fails("at least two arguments are required", "setproduct");
        var e = Err("setproduct", L(S("a")), S("b"));
        Assert.Equal("Invalid value for \"sets\" parameter: a set or a list is required.", e.Message);
        Assert.Equal(1, e.ArgumentIndex);
        Fails("Invalid value for \"sets\" parameter: all elements must be of the same type.", "setproduct", T(S("a"), L(S("b"))), L(S("a")));
    }
}
