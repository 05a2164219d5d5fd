namespace Provisioner.Hcl.Functions;

/// <summary>Why a function call failed: a message and, when one argument is to blame, its index.</summary>
/// <remarks>
/// The evaluator turns this into a diagnostic whose subject is the blamed argument's range, with HCL's summaries:
/// <see cref="FunctionErrorKind.Arity"/> gives "Not enough function arguments" / "Too many function arguments",
/// <see cref="FunctionErrorKind.InvalidArgument"/> gives "Invalid function argument", and
/// <see cref="FunctionErrorKind.CallFailed"/> gives "Error in function call".
/// </remarks>
public sealed record FunctionError(string Message, int? ArgumentIndex = null, FunctionErrorKind Kind = FunctionErrorKind.CallFailed)
{
    public override string ToString() => Message;
}
