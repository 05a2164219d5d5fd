namespace Provisioner.Hcl.Syntax;

/// <summary>The conditional operator <c>cond ? a : b</c>.</summary>
public sealed class ConditionalExpr : Expression
{
    internal ConditionalExpr(SourceMap map, int start, int end, Expression condition, Expression trueResult, Expression falseResult)
        : base(map, start, end)
    {
        Condition = condition;
        TrueResult = trueResult;
        FalseResult = falseResult;
    }

    public Expression Condition { get; }

    public Expression TrueResult { get; }

    public Expression FalseResult { get; }

    public override IEnumerable<SyntaxNode> ChildNodes() => [Condition, TrueResult, FalseResult];
}
