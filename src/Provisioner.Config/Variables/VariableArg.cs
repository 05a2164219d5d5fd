namespace Provisioner.Config;

/// <summary>One variable-related command-line argument, kept in command-line order.</summary>
public sealed record VariableArg(VariableArgKind Kind, string Text)
{
    /// <summary><c>-var 'name=value'</c>.</summary>
    public static VariableArg Var(string nameEqualsValue) => new(VariableArgKind.Var, nameEqualsValue);

    /// <summary><c>-var-file=FILE</c>.</summary>
    public static VariableArg File(string path) => new(VariableArgKind.VarFile, path);
}
