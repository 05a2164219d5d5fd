using System.Diagnostics.CodeAnalysis;

namespace Provisioner.Hcl.Values;

/// <summary>
/// The outcome of an operation that can fail for user reasons: a value, or an <see cref="HclError"/>.
/// Failures are values, never exceptions, so the evaluator can attach source ranges.
/// </summary>
public readonly record struct HclResult
{
    private HclResult(HclValue? value, HclError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value on success; null on failure.</summary>
    public HclValue? Value { get; }

    /// <summary>The error on failure; null on success.</summary>
    public HclError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static HclResult Ok(HclValue value) => new(value, null);

    public static HclResult Fail(HclError error) => new(null, error);

    public static HclResult Fail(string message, string path = "") => new(null, new HclError(message, path));

    public static implicit operator HclResult(HclValue value) => Ok(value);

    /// <summary>The value, or throws <see cref="InvalidOperationException"/> (for tests and internal invariants).</summary>
    public HclValue ValueOrThrow() => Value ?? throw new InvalidOperationException(Error!.ToString());

    public override string ToString() => IsSuccess ? Value!.ToString() : "error: " + Error;
}
