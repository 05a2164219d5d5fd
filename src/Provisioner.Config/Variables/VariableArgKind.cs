namespace Provisioner.Config;

/// <summary><c>-var 'name=value'</c> or <c>-var-file=FILE</c>.</summary>
public enum VariableArgKind
{
    Var,
    VarFile,
}
