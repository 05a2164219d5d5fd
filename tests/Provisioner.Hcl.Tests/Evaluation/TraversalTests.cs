using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class TraversalTests
{
    [Theory]
    [InlineData("str", "\"hello\"")]
    [InlineData("obj.name", "\"n\"")]
    [InlineData("obj[\"size\"]", "3")]
    [InlineData("obj.tags.env", "\"prod\"")]
    [InlineData("obj.tags[\"env\"]", "\"prod\"")]
    [InlineData("map.a", "1")]
    [InlineData("map[\"b\"]", "2")]
    [InlineData("list[0]", "\"a\"")]
    [InlineData("list[2]", "\"c\"")]
    [InlineData("list.1", "\"b\"")]
    [InlineData("list[\"1\"]", "\"b\"")]
    [InlineData("tup[1]", "1")]
    [InlineData("tup.2", "true")]
    [InlineData("objs[1].id", "\"i2\"")]
    [InlineData("objs.0.n", "1")]
    [InlineData("list[num - 41]", "\"b\"")]
    [InlineData("map[\"a\"] + map.b", "3")]
    [InlineData("[1, 2, 3][1]", "2")]
    [InlineData("{a = {b = 5}}.a.b", "5")]
    [InlineData("{a = 1}[\"a\"]", "1")]
    [InlineData("unk.foo", "unknown(any)")]
    [InlineData("unk[0]", "unknown(any)")]
    [InlineData("unk.foo.bar[3]", "unknown(any)")]
    [InlineData("unklist[0]", "unknown(string)")]
    [InlineData("unkobj.a", "unknown(string)")]
    [InlineData("unkobjs[0].id", "unknown(string)")]
    [InlineData("list[unknum]", "unknown(string)")]
    [InlineData("map[unkstr]", "unknown(number)")]
    [InlineData("tup[unknum]", "unknown(any)")]
    [InlineData("obj[unkstr]", "unknown(any)")]
    [InlineData("unkobj[\"a\"]", "unknown(string)")]
    [InlineData("partial[1]", "unknown(string)")]
    [InlineData("partial[0]", "\"a\"")]
    [InlineData("secretlist[0]", "sensitive(\"x\")")]
    [InlineData("secretmap.k", "sensitive(\"v\")")]
    [InlineData("secretmap[\"k\"]", "sensitive(\"v\")")]
    [InlineData("secretobj.a", "sensitive(\"A\")")]
    [InlineData("list[secretnum - 4]", "sensitive(\"b\")")]
    [InlineData("listofsecret[0]", "sensitive(\"p\")")]
    [InlineData("listofsecret[1]", "\"q\"")]
    [InlineData("nul[0]", null)]
    public void Evaluates(string src, string? expected)
    {
        if (expected is null)
            return;
        Assert.Equal(expected, Ok(src));
    }

    [Theory]
    [InlineData("nope", "Unknown variable; There is no variable named \"nope\". @ 1:1-1:5")]
    [InlineData("stir", "Unknown variable; There is no variable named \"stir\". Did you mean \"str\"? @ 1:1-1:5")]
    [InlineData("lisst[0]", "Unknown variable; There is no variable named \"lisst\". Did you mean \"list\"? @ 1:1-1:6")]
    [InlineData("obj.nope", "Unsupported attribute; This object does not have an attribute named \"nope\". @ 1:4-1:9")]
    [InlineData("obj.tags.nope", "Missing map element; This map does not have an element with the key \"nope\". @ 1:9-1:14")]
    [InlineData("str.length", "Unsupported attribute; Can't access attributes on a primitive-typed value (string). @ 1:4-1:11")]
    [InlineData("objs.id", "Unsupported attribute; Can't access attributes on a list of objects. Did you mean to access attribute \"id\" for a specific element of the list, or across all elements of the list? @ 1:5-1:8")]
    [InlineData("objs.zz", "Unsupported attribute; Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list? @ 1:5-1:8")]
    [InlineData("objset.id", "Unsupported attribute; Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set? @ 1:7-1:10")]
    [InlineData("list.foo", "Unsupported attribute; This value does not have any attributes. @ 1:5-1:9")]
    [InlineData("nul.foo", "Attempt to get attribute from null value; This value is null, so it does not have any attributes. @ 1:4-1:8")]
    [InlineData("nul[0]", "Attempt to index null value; This value is null, so it does not have any indices. @ 1:4-1:7")]
    [InlineData("list[3]", "Invalid index; The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection. @ 1:5-1:8")]
    [InlineData("emptylist[0]", "Invalid index; The given key does not identify an element in this collection value: the collection has no elements. @ 1:10-1:13")]
    [InlineData("list[-1]", "Invalid index; The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence. @ 1:5-1:9")]
    [InlineData("list[1.5]", "Invalid index; The given key does not identify an element in this collection value: indexing a sequence requires a whole number, but the given index has a fractional part. @ 1:5-1:10")]
    [InlineData("list[\"x\"]", "Invalid index; The given key does not identify an element in this collection value: a number is required. @ 1:5-1:10")]
    [InlineData("list[null]", "Invalid index; Can't use a null value as an indexing key. @ 1:5-1:11")]
    [InlineData("tup[5]", "Invalid index; The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection. @ 1:4-1:7")]
    [InlineData("map[\"zz\"]", "Invalid index; The given key does not identify an element in this collection value. @ 1:4-1:10")]
    [InlineData("map[[]]", "Invalid index; The given key does not identify an element in this collection value: string required. @ 1:4-1:8")]
    [InlineData("obj[\"zz\"]", "Invalid index; The given key does not identify an element in this collection value. @ 1:4-1:10")]
    [InlineData("obj[0]", "Invalid index; The given key does not identify an element in this collection value. An object only supports looking up attributes by name, not by numeric index. @ 1:4-1:7")]
    [InlineData("set[0]", "Invalid index; Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set. @ 1:4-1:7")]
    [InlineData("unkobj[\"zz\"]", "Invalid index; The given key does not identify an element in this collection value. @ 1:7-1:13")]
    [InlineData("str[0]", "Invalid index; This value does not have any indices. @ 1:4-1:7")]
    [InlineData("list[secretnum]", "Invalid index; The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection. @ 1:5-1:16")]
    [InlineData("secretlist[7]", "Invalid index; The given key does not identify an element in this collection value. @ 1:11-1:14")]
    public void ReportsErrors(string src, string expected)
    {
        var r = Eval(src);
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
        Assert.Equal("unknown(any)", Render(r.Value));
    }

    [Fact]
    public void NullContextDisallowsVariables()
    {
        var r = Eval("a.b", null);
        Assert.Equal("Variables not allowed; Variables may not be used here. @ 1:1-1:2", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void ContextWithoutVariablesDisallowsVariables()
    {
        var r = Eval("a", new EvalContext(null, EvalTestSupport.Functions).NewChild());
        Assert.Equal("Variables not allowed; Variables may not be used here. @ 1:1-1:2", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void ChildScopesShadowParents()
    {
        var parent = new EvalContext(new Dictionary<string, HclValue> { ["a"] = HclValue.Number(1), ["b"] = HclValue.Number(2) });
        var child = parent.NewChild(new Dictionary<string, HclValue> { ["a"] = HclValue.Number(10) });
        Assert.Equal("12", Ok("a + b", child));
    }

    [Fact]
    public void SuggestionsSearchParentScopes()
    {
        var parent = new EvalContext(new Dictionary<string, HclValue> { ["varname"] = HclValue.Number(1) });
        var r = Eval("varnme", parent.NewChild(new Dictionary<string, HclValue>()));
        Assert.Equal("Unknown variable; There is no variable named \"varnme\". Did you mean \"varname\"? @ 1:1-1:7", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void FirstTraversalErrorStops()
    {
        var r = Eval("obj.nope.more.stuff");
        Assert.Single(r.Diagnostics);
    }

    [Fact]
    public void RelativeTraversalOnFunctionResult()
    {
        Assert.Equal("\"b\"", Ok("concat(list)[1]"));
        Assert.Equal("\"i1\"", Ok("identity(objs)[0].id"));
    }

    [Fact]
    public void UnknownObjectTypeStillChecksAttributes()
    {
        var r = Eval("unkobj.nope");
        Assert.Equal("Unsupported attribute; This object does not have an attribute named \"nope\". @ 1:7-1:12", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void MarkedUnknownKeepsMarks()
    {
        var ctx = new EvalContext(new Dictionary<string, HclValue> { ["s"] = Sens(HclValue.UnknownOf(HclType.Map(HclType.String))) });
        Assert.Equal("sensitive(unknown(string))", Ok("s.a", ctx));
    }
}
