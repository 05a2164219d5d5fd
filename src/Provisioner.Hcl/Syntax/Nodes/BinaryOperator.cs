namespace Provisioner.Hcl.Syntax;

/// <summary>Binary operators, grouped from loosest to tightest binding.</summary>
public enum BinaryOperator
{
    LogicalOr,
    LogicalAnd,
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
