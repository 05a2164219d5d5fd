using System.Diagnostics.CodeAnalysis;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions;

/// <summary>The result type a function computes from its (possibly unknown) arguments, or why it cannot.</summary>
public readonly record struct FunctionTypeResult
{
    private FunctionTypeResult(HclType? type, FunctionError? error)
    {
        Type = type;
        Error = error;
    }

    public HclType? Type { get; }

    public FunctionError? Error { get; }

    [MemberNotNullWhen(true, nameof(Type))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static FunctionTypeResult Ok(HclType type) => new(type, null);

    public static FunctionTypeResult Fail(string message, int? argumentIndex = null) => new(null, new FunctionError(message, argumentIndex));

    public static implicit operator FunctionTypeResult(HclType type) => Ok(type);
}
