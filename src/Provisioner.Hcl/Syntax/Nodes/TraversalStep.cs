using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>One step of a traversal: the root name, an attribute, or an index with a literal key.</summary>
public abstract class TraversalStep
{
    private protected TraversalStep(SourceMap map, int start, int end)
    {
        Map = map;
        StartOffset = start;
        EndOffset = end;
    }

    internal SourceMap Map { get; }

    public int StartOffset { get; }

    public int EndOffset { get; }

    /// <summary>The step's range; for <c>.name</c> and <c>[key]</c> it includes the dot or brackets, as in HCL.</summary>
    public SourceRange Range => Map.Range(StartOffset, EndOffset);
}
