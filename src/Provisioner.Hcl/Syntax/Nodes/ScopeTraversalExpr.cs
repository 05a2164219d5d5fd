using System.Text;

namespace Provisioner.Hcl.Syntax;

/// <summary>A variable reference with static steps: <c>var.a</c>, <c>local.m["k"]</c>, <c>aws_instance.web.0.id</c>.</summary>
/// <remarks>
/// Steps written in the plain forms (<c>.name</c>, <c>.0</c>, <c>[0]</c>, <c>["key"]</c> without escapes) are not
/// allocated while parsing: the node keeps only its span and builds the step objects from the tree's tokens the
/// first time <see cref="Steps"/> is read (then keeps them). Other steps are built by the parser.
/// </remarks>
public sealed class ScopeTraversalExpr : Expression
{
    private TraversalStep[]? _steps;

    internal ScopeTraversalExpr(SourceMap map, int start, int end, string rootName)
        : base(map, start, end) => RootName = rootName;

    /// <summary>The root variable name (<c>var</c> in <c>var.a</c>).</summary>
    public string RootName { get; }

    internal int RootEndOffset => StartOffset + Encoding.UTF8.GetByteCount(RootName);

    /// <summary>The steps after the root.</summary>
    public IReadOnlyList<TraversalStep> Steps => _steps ?? MaterializeSteps();

    /// <summary>True when the traversal is just the root name (decided without building the steps).</summary>
    internal bool HasNoSteps => _steps?.Length == 0 || (_steps == null && EndOffset == RootEndOffset);

    /// <summary>True while the steps are still only a span of tokens (the parser may extend it).</summary>
    internal bool StepsDeferred => _steps == null;

    /// <summary>The traversal (root plus steps), as used by <see cref="Expression.Variables"/>; a new view object per call.</summary>
    public Traversal Traversal => new(Map, RootName, StartOffset, RootEndOffset, Steps);

    internal void AddStep(TraversalStep step)
    {
        var current = (TraversalStep[])Steps;
        var steps = new TraversalStep[current.Length + 1];
        current.CopyTo(steps, 0);
        steps[^1] = step;
        _steps = steps;
    }

    private TraversalStep[] MaterializeSteps()
    {
        var rootEnd = RootEndOffset;
        var steps = EndOffset == rootEnd ? [] : DeferredSteps.Build(Map, rootEnd, EndOffset);
        return Interlocked.CompareExchange(ref _steps, steps, null) ?? steps;
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
