using System.Diagnostics.CodeAnalysis;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions;

/// <summary>The result of calling a function: a value or a <see cref="FunctionError"/>.</summary>
public readonly record struct FunctionResult
{
    private FunctionResult(HclValue? value, FunctionError? error)
    {
        Value = value;
        Error = error;
    }

    public HclValue? Value { get; }

    public FunctionError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static FunctionResult Ok(HclValue value) => new(value, null);

    public static FunctionResult Fail(string message, int? argumentIndex = null, FunctionErrorKind kind = FunctionErrorKind.CallFailed) =>
        new(null, new FunctionError(message, argumentIndex, kind));

    public static implicit operator FunctionResult(HclValue value) => Ok(value);

    public override string ToString() => IsSuccess ? Value!.ToString() : "error: " + Error;
}
