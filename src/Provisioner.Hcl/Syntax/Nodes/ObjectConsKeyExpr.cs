namespace Provisioner.Hcl.Syntax;

/// <summary>
/// An object constructor key. A bare identifier (<c>{ name = 1 }</c>) is a literal name, not a variable
/// reference, unless the key was wrapped in parentheses (<see cref="ForceNonLiteral"/>). Quoted keys are templates.
/// </summary>
/// <remarks>A bare-identifier key keeps only its name until <see cref="Wrapped"/> is first read.</remarks>
public sealed class ObjectConsKeyExpr : Expression
{
    /// <summary>The wrapped expression, or the name of a bare-identifier key whose expression is not built yet.</summary>
    private object _wrapped;

    internal ObjectConsKeyExpr(SourceMap map, int start, int end, Expression wrapped)
        : base(map, start, end) => _wrapped = wrapped;

    /// <summary>A bare-identifier key (<c>name</c> in <c>{ name = 1 }</c>) spanning the identifier.</summary>
    internal ObjectConsKeyExpr(SourceMap map, int start, int end, string name)
        : base(map, start, end) => _wrapped = name;

    /// <summary>The key expression (for a bare identifier: a <see cref="ScopeTraversalExpr"/> without steps).</summary>
    public Expression Wrapped => _wrapped as Expression ?? MaterializeWrapped();

    /// <summary>True when the key was written as <c>(expr)</c> and must be evaluated even if it is a bare name.</summary>
    public bool ForceNonLiteral => _wrapped is Expression && Map.Bytes.Span[StartOffset] == (byte)'(';

    /// <summary>The literal key name when the key is a bare identifier and not forced non-literal; otherwise null.</summary>
    public string? LiteralName => _wrapped switch
    {
        string name => name,
        ScopeTraversalExpr { HasNoSteps: true } s when !ForceNonLiteral => s.RootName,
        _ => null,
    };

    public override IEnumerable<SyntaxNode> ChildNodes() => LiteralName != null ? [] : [Wrapped];

    private Expression MaterializeWrapped()
    {
        var current = _wrapped;
        if (current is Expression e)
            return e;
        var built = new ScopeTraversalExpr(Map, StartOffset, EndOffset);
        var won = Interlocked.CompareExchange(ref _wrapped, built, current);
        return won == current ? built : (Expression)won;
    }
}
