namespace Provisioner.Hcl.Functions;

/// <summary>The stage at which a function call failed.</summary>
public enum FunctionErrorKind
{
    /// <summary>The implementation refused the arguments.</summary>
    CallFailed,

    /// <summary>An argument does not fit its parameter (type conversion, null).</summary>
    InvalidArgument,

    /// <summary>Too few or too many arguments.</summary>
    Arity,
}
