namespace Provisioner.Hcl.Syntax;

/// <summary>Static attribute/index steps applied to the result of another expression: <c>f(x).a[0]</c>.</summary>
public sealed class RelativeTraversalExpr : Expression
{
    private StepList _steps;

    internal RelativeTraversalExpr(SourceMap map, int start, int end, Expression source, TraversalStep first)
        : base(map, start, end)
    {
        Source = source;
        _steps = new StepList(first);
    }

    internal RelativeTraversalExpr(SourceMap map, int start, int end, Expression source, IEnumerable<TraversalStep> steps)
        : base(map, start, end)
    {
        Source = source;
        foreach (var s in steps)
            _steps.Add(s);
    }

    public Expression Source { get; }

    public IReadOnlyList<TraversalStep> Steps => _steps.AsArray();

    internal void AddStep(TraversalStep step) => _steps.Add(step);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Source];
}
