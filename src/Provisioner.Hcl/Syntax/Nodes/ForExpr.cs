using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A for expression: <c>[for k, v in coll : value if cond]</c> (tuple) or
/// <c>{for k, v in coll : key => value... if cond}</c> (object; <see cref="Group"/> for <c>...</c>).
/// </summary>
public sealed class ForExpr : Expression
{
    internal ForExpr(SourceMap map, int start, int end, string? keyVar, string valueVar, Expression collection, Expression? keyExpr,
        Expression valueExpr, Expression? condition, bool group, bool isObject)
        : base(map, start, end)
    {
        KeyVar = keyVar;
        ValueVar = valueVar;
        Collection = collection;
        KeyExpr = keyExpr;
        ValueExpr = valueExpr;
        Condition = condition;
        Group = group;
        IsObject = isObject;
    }

    /// <summary>The key variable, or null when only the value variable is declared.</summary>
    public string? KeyVar { get; }

    public string ValueVar { get; }

    public Expression Collection { get; }

    /// <summary>The key expression (object form only).</summary>
    public Expression? KeyExpr { get; }

    public Expression ValueExpr { get; }

    public Expression? Condition { get; }

    /// <summary>True when the value is followed by <c>...</c> (grouping mode).</summary>
    public bool Group { get; }

    /// <summary>True for <c>{for ...}</c>, false for <c>[for ...]</c>.</summary>
    public bool IsObject { get; }

    public SourceRange OpenRange => RangeOf(StartOffset, StartOffset + 1);

    public SourceRange CloseRange => RangeOf(EndOffset - 1, EndOffset);

    public override IEnumerable<SyntaxNode> ChildNodes()
    {
        yield return Collection;
        if (KeyExpr != null)
            yield return KeyExpr;
        yield return ValueExpr;
        if (Condition != null)
            yield return Condition;
    }
}
