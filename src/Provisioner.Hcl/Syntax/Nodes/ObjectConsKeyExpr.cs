namespace Provisioner.Hcl.Syntax;

/// <summary>
/// An object constructor key. A bare identifier (<c>{ name = 1 }</c>) is a literal name, not a variable
/// reference, unless the key was wrapped in parentheses (<see cref="ForceNonLiteral"/>). Quoted keys are templates.
/// </summary>
public sealed class ObjectConsKeyExpr : Expression
{
    internal ObjectConsKeyExpr(SourceMap map, int start, int end, Expression wrapped, bool forceNonLiteral)
        : base(map, start, end)
    {
        Wrapped = wrapped;
        ForceNonLiteral = forceNonLiteral;
    }

    public Expression Wrapped { get; }

    /// <summary>True when the key was written as <c>(expr)</c> and must be evaluated even if it is a bare name.</summary>
    public bool ForceNonLiteral { get; }

    /// <summary>The literal key name when the key is a bare identifier and not forced non-literal; otherwise null.</summary>
    public string? LiteralName =>
        !ForceNonLiteral && Wrapped is ScopeTraversalExpr { HasNoSteps: true } s ? s.RootName : null;

    public override IEnumerable<SyntaxNode> ChildNodes() => LiteralName != null ? [] : [Wrapped];
}
