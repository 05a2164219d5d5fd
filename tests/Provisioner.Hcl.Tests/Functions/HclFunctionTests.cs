using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions;

public sealed class HclFunctionTests
{
    private static readonly HclFunction Upper = new(
        "upper",
        [new FunctionParameter("str", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) => HclValue.String(args[0].AsString().ToUpperInvariant()));

    private static readonly HclFunction Join = new(
        "join",
        [new FunctionParameter("separator", HclType.String)],
        new FunctionParameter("lists", HclType.List(HclType.String)),
        HclFunction.Returns(HclType.String),
        (args, _) => HclValue.String(string.Join(args[0].AsString(), args.Skip(1).SelectMany(l => l.Elements).Select(e => e.AsString()))));

    [Fact]
    public void Call_KnownArgument_ReturnsResult()
    {
        var r = Upper.Call([HclValue.String("abc")]);
        Assert.True(r.IsSuccess);
        Assert.Equal("ABC", r.Value.AsString());
    }

    [Fact]
    public void Call_ArgumentConvertedToParameterType()
    {
        var r = Upper.Call([HclValue.Number(12)]);
        Assert.Equal("12", r.Value!.AsString());
    }

    [Fact]
    public void Call_UnknownArgument_ReturnsUnknownOfReturnType()
    {
        var r = Upper.Call([HclValue.UnknownOf(HclType.String)]);
        Assert.False(r.Value!.IsKnown);
        Assert.Equal(HclType.String, r.Value.Type);
    }

    [Fact]
    public void Call_DynamicArgument_ReturnsDynamicVal()
    {
        var r = Upper.Call([HclValue.DynamicVal]);
        Assert.False(r.Value!.IsKnown);
        Assert.True(r.Value.Type.IsDynamic);
    }

    [Fact]
    public void Call_SensitiveArgument_ResultIsSensitive()
    {
        var r = Upper.Call([HclValue.String("secret").Mark(HclMarks.Sensitive)]);
        Assert.True(r.Value!.IsSensitive);
        Assert.Equal("SECRET", r.Value.Unmark().Value.AsString());
    }

    [Fact]
    public void Call_UnknownArgumentWithSensitiveMarkedParameter_ResultStaysSensitive()
    {
        // Given a function whose parameter accepts marks (so Call does not strip them) but not unknowns
        var f = new HclFunction("first", [new FunctionParameter("list", HclType.List(HclType.String)) { AllowMarked = true }], null,
            HclFunction.Returns(HclType.String), (args, _) => args[0].Elements[0]);

        // When it is called with a sensitive unknown list
        var r = f.Call([HclValue.UnknownOf(HclType.List(HclType.String)).Mark(HclMarks.Sensitive)]);

        // Then the unknown result is still sensitive
        Assert.False(r.Value!.IsKnown);
        Assert.True(r.Value.IsSensitive);
    }

    [Fact]
    public void Call_NullArgument_IsInvalidArgument()
    {
        var r = Upper.Call([HclValue.NullOf(HclType.String)]);
        Assert.Equal(FunctionErrorKind.InvalidArgument, r.Error!.Kind);
        Assert.Equal(0, r.Error.ArgumentIndex);
        Assert.Contains("must not be null", r.Error.Message);
    }

    [Fact]
    public void Call_WrongType_NamesParameter()
    {
        var r = Upper.Call([HclValue.Tuple(HclValue.Number(1))]);
        Assert.Equal(FunctionErrorKind.InvalidArgument, r.Error!.Kind);
        Assert.StartsWith("Invalid value for \"str\" parameter:", r.Error.Message);
    }

    [Fact]
    public void Call_TooFewArguments_IsArityError()
    {
        var r = Upper.Call([]);
        Assert.Equal(FunctionErrorKind.Arity, r.Error!.Kind);
        Assert.Equal("Function \"upper\" expects 1 argument. Missing value for \"str\".", r.Error.Message);
    }

    [Fact]
    public void Call_TooManyArguments_BlamesFirstExtra()
    {
        var r = Upper.Call([HclValue.String("a"), HclValue.String("b")]);
        Assert.Equal(FunctionErrorKind.Arity, r.Error!.Kind);
        Assert.Equal(1, r.Error.ArgumentIndex);
    }

    [Fact]
    public void Call_Variadic_CollectsRemainingArguments()
    {
        var r = Join.Call([HclValue.String(","), HclValue.List(HclValue.String("a")), HclValue.Tuple(HclValue.String("b"), HclValue.String("c"))]);
        Assert.Equal("a,b,c", r.Value!.AsString());
    }

    [Fact]
    public void FunctionTable_CoreNamespace_FindsBuiltin()
    {
        var table = new FunctionTable([Upper]);
        Assert.True(table.TryGet("core::upper", out var f));
        Assert.Same(Upper, f);
        Assert.False(table.TryGet("provider::x::upper", out _));
    }
}
