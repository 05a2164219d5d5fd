namespace Provisioner.Hcl.Syntax;

/// <summary>Unary operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>-x</c></summary>
    Negate,
    /// <summary><c>!x</c></summary>
    LogicalNot,
}
