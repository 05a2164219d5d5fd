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

    /// <summary>A traversal starting with the root identifier at <paramref name="start"/>.</summary>
    internal ScopeTraversalExpr(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    /// <summary>
    /// The root variable name (<c>var</c> in <c>var.a</c>): the identifier the node starts with, read from the source
    /// on each call (interned per thread, so repeated reads share one string) rather than stored in every node.
    /// </summary>
    public string RootName => NameTable.ForThread.Get(Map.Bytes.Span[StartOffset..RootEndOffset]);

    /// <summary>The end of the root identifier: ASCII identifier bytes scanned directly, else the identifier token's end.</summary>
    internal int RootEndOffset
    {
        get
        {
            var src = Map.Bytes.Span;
            var i = StartOffset;
            while (i < src.Length && src[i] < 0x80 && (char.IsAsciiLetterOrDigit((char)src[i]) || src[i] is (byte)'_' or (byte)'-'))
                i++;
            if (i < src.Length && src[i] >= 0x80)
            {
                var tokens = Map.Tokens!;
                return tokens.End(tokens.IndexAt(StartOffset));
            }
            return i;
        }
    }

    /// <summary>The steps after the root.</summary>
    public IReadOnlyList<TraversalStep> Steps => _steps ?? MaterializeSteps();

    /// <summary>True when the traversal is just the root name (decided without building the steps).</summary>
    internal bool HasNoSteps => _steps?.Length == 0 || (_steps == null && EndOffset == RootEndOffset);

    /// <summary>True while the steps are still only a span of tokens (the parser may extend it).</summary>
    internal bool StepsDeferred => _steps == null;

    /// <summary>The traversal (root plus steps), as used by <see cref="Expression.Variables"/>; a new view object per call.</summary>
    public Traversal Traversal
    {
        get
        {
            var rootEnd = RootEndOffset;
            return new(Map, NameTable.ForThread.Get(Map.Bytes.Span[StartOffset..rootEnd]), StartOffset, rootEnd, Steps);
        }
    }

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
