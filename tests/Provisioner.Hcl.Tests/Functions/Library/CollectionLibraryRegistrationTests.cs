using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Functions.Library.Kit;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class CollectionLibraryRegistrationTests
{
    public static TheoryData<string> Names => new()
    {
        // numeric
        "abs", "ceil", "floor", "log", "max", "min", "parseint", "pow", "signum", "sum",

        // string
        "chomp", "endswith", "format", "formatlist", "indent", "join", "lower", "regex", "regexall", "replace", "split",
        "startswith", "strcontains", "strrev", "substr", "title", "trim", "trimprefix", "trimspace", "trimsuffix", "upper",

        // collection
        "alltrue", "anytrue", "chunklist", "coalesce", "coalescelist", "compact", "concat", "contains", "distinct",
        "element", "flatten", "index", "keys", "length", "lookup", "matchkeys", "merge", "one", "range", "reverse",
        "setintersection", "setproduct", "setsubtract", "setunion", "slice", "sort", "transpose", "values", "zipmap",
        "list", "map",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Library_DefinesFunction_WithDescription(string name)
    {
        var f = Fn(name);
        Assert.Equal(name, f.Name);
        Assert.False(string.IsNullOrWhiteSpace(f.Description));
        Assert.True(StandardLibrary.Create(StandardLibraryOptions.Default).TryGet("core::" + name, out _));
    }

    [Theory]
    [InlineData("abs", 1)]
    [InlineData("log", 2)]
    [InlineData("substr", 3)]
    [InlineData("replace", 3)]
    [InlineData("slice", 3)]
    [InlineData("zipmap", 2)]
    [InlineData("transpose", 1)]
    [InlineData("setsubtract", 2)]
    [InlineData("indent", 2)]
    [InlineData("one", 1)]
    public void Library_TooFewArguments_IsArityError(string name, int parameters)
    {
        var e = Err(name);
        Assert.Equal(FunctionErrorKind.Arity, e.Kind);
        Assert.StartsWith($"Function \"{name}\" expects {parameters} argument", e.Message);
    }

    [Theory]
    [InlineData("abs")]
    [InlineData("upper")]
    [InlineData("keys")]
    [InlineData("length")]
    [InlineData("flatten")]
    public void Library_TooManyArguments_IsArityError(string name)
    {
        var e = Err(name, S("a"), S("b"));
        Assert.Equal(FunctionErrorKind.Arity, e.Kind);
        Assert.Equal($"Function \"{name}\" expects only 1 argument.", e.Message);
    }

    [Theory]
    [InlineData("length")]
    [InlineData("keys")]
    [InlineData("values")]
    [InlineData("flatten")]
    [InlineData("reverse")]
    [InlineData("distinct")]
    [InlineData("compact")]
    [InlineData("sort")]
    [InlineData("one")]
    [InlineData("sum")]
    [InlineData("alltrue")]
    [InlineData("transpose")]
    public void Library_NullCollection_IsRejected(string name)
    {
        var e = Err(name, HclValue.Null);
        Assert.Equal(FunctionErrorKind.InvalidArgument, e.Kind);
        Assert.EndsWith("argument must not be null.", e.Message);
        Assert.Equal(0, e.ArgumentIndex);
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("values")]
    [InlineData("flatten")]
    [InlineData("reverse")]
    [InlineData("one")]
    [InlineData("sum")]
    [InlineData("concat")]
    [InlineData("merge")]
    [InlineData("coalesce")]
    [InlineData("upper")]
    [InlineData("format")]
    public void Library_DynamicValue_GivesUnknownResult(string name) =>
        Assert.False(Ok(name, HclValue.DynamicVal).IsKnown);
}
