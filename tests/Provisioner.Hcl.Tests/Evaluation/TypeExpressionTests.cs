using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Evaluation.EvalTestSupport;

namespace Provisioner.Hcl.Tests.Evaluation;

public sealed class TypeExpressionTests
{
    [Theory]
    [InlineData("string", "string")]
    [InlineData("number", "number")]
    [InlineData("bool", "bool")]
    [InlineData("any", "any")]
    [InlineData("(string)", "string")]
    [InlineData("list(string)", "list(string)")]
    [InlineData("set(number)", "set(number)")]
    [InlineData("map(any)", "map(any)")]
    [InlineData("list(list(bool))", "list(list(bool))")]
    [InlineData("tuple([])", "tuple([])")]
    [InlineData("tuple([string, number])", "tuple([string, number])")]
    [InlineData("object({})", "object({})")]
    [InlineData("object({a = string, b = list(number)})", "object({a=string,b=list(number)})")]
    [InlineData("object({a = optional(string)})", "object({a=optional(string)})")]
    [InlineData("object({a = optional(string, \"x\"), b = number})", "object({a=optional(string),b=number})")]
    [InlineData("map(object({n = optional(number, 1)}))", "map(object({n=optional(number)}))")]
    public void Parses(string src, string expected)
    {
        var r = TypeExpressions.GetTypeConstraint(Parse(src));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(expected.Replace(" ", ""), r.Type.ToTypeExpressionString().Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public void DefaultsAreCollected()
    {
        var r = TypeExpressions.GetTypeConstraint(Parse("object({a = optional(string, \"x\"), b = optional(number), c = list(object({d = optional(bool, true)}))})"));
        Assert.Empty(r.Diagnostics);
        Assert.NotNull(r.Defaults);
        Assert.Equal("\"x\"", Render(r.Defaults!.DefaultValues["a"]));
        Assert.False(r.Defaults.DefaultValues.ContainsKey("b"));
        Assert.Equal("true", Render(r.Defaults.Children["c"].Children[""].DefaultValues["d"]));
        var applied = r.Constraint.Convert(HclValue.Object(("c", HclValue.Tuple(HclValue.EmptyObject))));
        Assert.True(applied.IsSuccess, applied.ToString());
        Assert.Equal("{a=\"x\", b=null(number), c=list[{d=true}]}", Render(applied.Value!));
    }

    [Fact]
    public void DefaultIsConvertedToAttributeType()
    {
        var r = TypeExpressions.GetTypeConstraint(Parse("object({a = optional(string, 5)})"));
        Assert.Empty(r.Diagnostics);
        Assert.Equal("\"5\"", Render(r.Defaults!.DefaultValues["a"]));
    }

    [Fact]
    public void NoDefaultsWhenNoneGiven()
    {
        var r = TypeExpressions.GetTypeConstraint(Parse("object({a = optional(string)})"));
        Assert.Null(r.Defaults);
    }

    [Theory]
    [InlineData("strng", "Invalid type specification; The keyword \"strng\" is not a valid type specification. @ 1:1-1:6")]
    [InlineData("list", "Invalid type specification; The list type constructor requires one argument specifying the element type. @ 1:1-1:5")]
    [InlineData("object", "Invalid type specification; The object type constructor requires one argument specifying the attribute types and values as a map. @ 1:1-1:7")]
    [InlineData("tuple", "Invalid type specification; The tuple type constructor requires one argument specifying the element types as a list. @ 1:1-1:6")]
    [InlineData("list()", "Invalid type specification; The list type constructor requires one argument specifying the element type. @ 1:5-1:7")]
    [InlineData("map(string, number)", "Invalid type specification; The map type constructor requires one argument specifying the element type. @ 1:13-1:19")]
    [InlineData("object({}, {})", "Invalid type specification; The object type constructor requires one argument specifying the attribute types and values as a map. @ 1:12-1:14")]
    [InlineData("tuple()", "Invalid type specification; The tuple type constructor requires one argument specifying the element types as a list. @ 1:6-1:8")]
    [InlineData("set(list(map(foo)))", "Invalid type specification; The keyword \"foo\" is not a valid type specification. @ 1:14-1:17")]
    [InlineData("string(1)", "Invalid type specification; Primitive type keyword \"string\" does not expect arguments. @ 1:7-1:10")]
    [InlineData("any()", "Invalid type specification; Type constraint keyword \"any\" does not expect arguments. @ 1:4-1:6")]
    [InlineData("foo(string)", "Invalid type specification; Keyword \"foo\" is not a valid type constructor. @ 1:1-1:12")]
    [InlineData("optional(string)", "Invalid type specification; Keyword \"optional\" is valid only as a modifier for object type attributes. @ 1:1-1:9")]
    [InlineData("\"string\"", "Invalid type specification; A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string). @ 1:1-1:9")]
    [InlineData("object([string])", "Invalid type specification; Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types. @ 1:8-1:16")]
    [InlineData("tuple({a = string})", "Invalid type specification; Tuple type constructor requires a list of element types. @ 1:7-1:19")]
    [InlineData("object({\"a\" = string})", "Invalid type specification; Object constructor map keys must be attribute names. @ 1:9-1:12")]
    [InlineData("object({a = optional()})", "Invalid type specification; Optional attribute modifier requires the attribute type as its argument. @ 1:21-1:23")]
    [InlineData("object({a = optional(string, 1, 2)})", "Invalid type specification; Optional attribute modifier expects at most two arguments: the attribute type, and a default value. @ 1:21-1:35")]
    [InlineData("object({a = optional(number, \"x\")})", "Invalid default value for optional attribute; This default value is not compatible with the attribute's type constraint: a number is required. @ 1:30-1:33")]
    [InlineData("list(strng)", "Invalid type specification; The keyword \"strng\" is not a valid type specification. @ 1:6-1:11")]
    [InlineData("object({a = optional(string, var.x)})", "Variables not allowed; Variables may not be used here. @ 1:30-1:33")]
    public void ConstraintErrors(string src, string expected)
    {
        var r = TypeExpressions.GetTypeConstraint(Parse(src));
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
    }

    [Theory]
    [InlineData("any", "Invalid type specification; The keyword \"any\" cannot be used in this type specification: an exact type is required. @ 1:1-1:4")]
    [InlineData("list(any)", "Invalid type specification; The keyword \"any\" cannot be used in this type specification: an exact type is required. @ 1:6-1:9")]
    [InlineData("object({a = optional(string)})", "Invalid type specification; Optional attribute modifier is only for type constraints, not for exact types. @ 1:13-1:21")]
    public void ExactTypeErrors(string src, string expected)
    {
        var r = TypeExpressions.GetType(Parse(src));
        Assert.Equal(expected, DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void WithoutDefaultsRejectsDefaultValues()
    {
        var r = TypeExpressions.GetTypeConstraintWithoutDefaults(Parse("object({a = optional(string, \"x\")})"));
        Assert.Equal("Invalid type specification; Optional attribute modifier expects only one argument: the attribute type. @ 1:21-1:34", DescribeAll(r.Diagnostics));
    }

    [Fact]
    public void WorksThroughTheExpressionInterface()
    {
        var r = TypeExpressions.GetTypeConstraint(new NativeExpression(Parse("map(string)")));
        Assert.Equal(HclType.Map(HclType.String), r.Type);
    }
}
