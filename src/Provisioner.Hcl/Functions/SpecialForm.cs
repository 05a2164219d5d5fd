namespace Provisioner.Hcl.Functions;

/// <summary>Functions the evaluator implements itself because they need their arguments unevaluated.</summary>
public enum SpecialForm
{
    None,

    /// <summary><c>try(exprs...)</c>: the first argument that evaluates without error.</summary>
    Try,

    /// <summary><c>can(expr)</c>: whether the argument evaluates without error.</summary>
    Can,
}
