using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclUnifyTests
{
    public static TheoryData<string, HclType[], HclType?> Cases => new()
    {
        { "nothing", [], null },
        { "single string", [Str], Str },
        { "single number", [Num], Num },
        { "same numbers", [Num, Num], Num },
        { "number and string", [Num, Str], Str },
        { "string and number", [Str, Num], Str },
        { "bool string number", [Bool, Str, Num], Str },
        { "bool and number", [Bool, Num], null },
        { "same objects", [TO(("foo", Str)), TO(("foo", Str))], TO(("foo", Str)) },
        { "objects with convertible attribute", [TO(("foo", Str)), TO(("foo", Num))], TO(("foo", Str)) },
        { "objects with different attributes to map", [TO(("foo", Str)), TO(("bar", Num))], TM(Str) },
        { "object and empty object to map", [TO(("foo", Str)), HclType.EmptyObject], TM(Str) },
        { "objects with bool and number different names", [TO(("foo", Bool)), TO(("bar", Num))], null },
        { "objects with bool and number same name", [TO(("foo", Bool)), TO(("foo", Num))], null },
        { "same tuples", [TT(Str), TT(Str)], TT(Str) },
        { "tuples with convertible element", [TT(Str), TT(Num)], TT(Str) },
        { "tuples of different length to list", [TT(Str), TT(Str, Num)], TL(Str) },
        { "tuple and empty tuple to list", [TT(Str), HclType.EmptyTuple], TL(Str) },
        { "tuples bool and number", [TT(Bool), TT(Num)], null },
        { "tuples of objects unify as list of maps", [TT(TO(("a", Str)), TO(("a", Str))), TT(TO(("a", Str), ("b", Str)))], TL(TM(Str)) },
        { "list and tuples of objects", [TL(TO(("a", Str))), TT(TO(("a", Str), ("b", Str))), TT(TO(("a", Str), ("b", Str)), TO(("c", Str), ("d", Str)))], TL(TM(Str)) },
        { "list of map with lists and tuple", [TL(TO(("a", Str))), TL(TM(Str)), TT(TM(Str), TO(("a", Str), ("b", Str)))], TL(TM(Str)) },
        { "tuples of objects different length", [TT(TO(("a", Str), ("b", Num)), TO(("a", Str), ("b", Num))), TT(TO(("a", Str)))], TL(TM(Str)) },
        { "tuples of objects same length", [TT(TO(("a", Str), ("b", Num))), TT(TO(("a", Str)))], TT(TM(Str)) },
        { "list of object and tuple of object", [TL(TO(("a", Num), ("b", Str))), TT(TO(("a", Str)))], TL(TM(Str)) },
        { "lists of different objects", [TL(TO(("a", Num), ("b", Str))), TL(TO(("a", Str)))], TL(TM(Str)) },
        { "list of nested objects and list of map", [TL(TO(("a", TO(("a", Str))), ("b", TO(("a", Str), ("b", Str))))), TL(TM(TO(("a", Str), ("b", Str))))], TL(TM(TM(Str))) },
        { "objects within objects", [TO(("a", TO(("a", Str)))), TO(("a", TO(("a", Str), ("b", Str))))], TO(("a", TM(Str))) },
        { "nested objects and map", [TO(("a", TO(("a", Str))), ("b", TO(("a", Str), ("b", Str)))), TM(TO(("a", Str), ("b", Str)))], TM(TM(Str)) },
        { "nested tuples and lists", [TO(("a", TO(("a", TL(Str)))), ("b", TO(("a", TT(Str)), ("b", TL(Str))))), TM(TO(("a", TL(Str)), ("b", TL(Str))))], TM(TM(TL(Str))) },
        { "objects as maps of objects", [TO(("a", TO(("a", Str))), ("b", TO(("a", Str)))), TM(TO(("a", Str)))], TM(TO(("a", Str))) },
        { "objects and maps with dynamic", [TO(("a", TO(("a", Str))), ("b", TO(("a", Str)))), TM(Dyn), TM(TO(("a", Str)))], TM(Dyn) },
        { "deep objects and maps", [TO(("a", TO(("a", TO(("a", Str))))), ("b", TO(("c", TO(("d", Str)))))), TM(TM(TM(Str)))], TM(TM(TM(Str))) },
        { "deep maps and objects", [TM(TM(TM(Str))), TO(("a", TO(("a", TO(("a", Str))), ("b", TM(Str)))), ("b", TM(TM(Str))))], TM(TM(TM(Str))) },
        { "dynamic and tuple", [Dyn, TT(Num)], Dyn },
        { "dynamic and object", [Dyn, TO(("num", Num))], Dyn },
        { "tuple dynamic object", [TT(Num), Dyn, TO(("num", Num))], null },
        { "list and set", [TL(Str), TS(Str)], TL(Str) },
        { "set and list", [TS(Num), TL(Str)], TL(Str) },
        { "list number and list string", [TL(Num), TL(Str)], TL(Str) },
        { "map and object", [TM(Str), TO(("a", Num))], TM(Str) },
        { "dynamic and string (safe)", [Dyn, Str], Dyn },
        { "string and list", [Str, TL(Str)], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unify_Types_GivesGoCtyResult(string name, HclType[] types, HclType? expected)
    {
        var got = HclConvert.Unify(types);
        Assert.True(Equals(expected, got), $"{name}: got {got}, want {expected}");
    }

    [Fact]
    public void UnifyUnsafe_DynamicAndString_GivesString()
    {
        Assert.Equal(Str, HclConvert.UnifyUnsafe([Dyn, Str]));
        Assert.Equal(Str, HclConvert.UnifyUnsafe([Num, Str, Dyn]));
    }
}
