namespace Provisioner.Hcl.Syntax;

/// <summary>A variable reference with static steps: <c>var.a</c>, <c>local.m["k"]</c>, <c>aws_instance.web.0.id</c>.</summary>
public sealed class ScopeTraversalExpr : Expression
{
    private StepList _steps;

    internal ScopeTraversalExpr(SourceMap map, int start, int end, string rootName)
        : base(map, start, end)
    {
        RootName = rootName;
        RootEndOffset = end;
    }

    /// <summary>The root variable name (<c>var</c> in <c>var.a</c>).</summary>
    public string RootName { get; }

    internal int RootEndOffset { get; }

    /// <summary>The steps after the root.</summary>
    public IReadOnlyList<TraversalStep> Steps => _steps.AsArray();

    /// <summary>The traversal (root plus steps), as used by <see cref="Expression.Variables"/>; a new view object per call.</summary>
    public Traversal Traversal => new(Map, RootName, StartOffset, RootEndOffset, _steps.AsArray());

    internal void AddStep(TraversalStep step) => _steps.Add(step);

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
