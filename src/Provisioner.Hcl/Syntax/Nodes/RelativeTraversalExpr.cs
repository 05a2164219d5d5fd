namespace Provisioner.Hcl.Syntax;

/// <summary>Static attribute/index steps applied to the result of another expression: <c>f(x).a[0]</c>.</summary>
public sealed class RelativeTraversalExpr : Expression
{
    private readonly List<TraversalStep> _steps;

    internal RelativeTraversalExpr(SourceMap map, int start, int end, Expression source, List<TraversalStep> steps)
        : base(map, start, end)
    {
        Source = source;
        _steps = steps;
    }

    public Expression Source { get; }

    public IReadOnlyList<TraversalStep> Steps => _steps;

    internal void AddStep(TraversalStep step) => _steps.Add(step);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Source];
}
