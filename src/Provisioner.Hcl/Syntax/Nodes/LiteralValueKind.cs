namespace Provisioner.Hcl.Syntax;

/// <summary>What a <see cref="LiteralValueExpr"/> holds.</summary>
public enum LiteralValueKind
{
    Number,
    String,
    Bool,
    Null,
    /// <summary>A placeholder after a syntax error (HCL's <c>cty.DynamicVal</c>).</summary>
    Unknown,
}
