using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>An absolute traversal: a root variable name followed by attribute/index steps (<c>var.a[0].b</c>).</summary>
public sealed class Traversal
{
    private readonly SourceMap _map;
    private readonly int _rootStart;
    private readonly int _rootEnd;

    internal Traversal(SourceMap map, string rootName, int rootStart, int rootEnd, IReadOnlyList<TraversalStep> steps)
    {
        _map = map;
        RootName = rootName;
        _rootStart = rootStart;
        _rootEnd = rootEnd;
        Steps = steps;
    }

    public TraverseRoot Root => new(_map, _rootStart, _rootEnd, RootName);

    public string RootName { get; }

    /// <summary>The steps after the root.</summary>
    public IReadOnlyList<TraversalStep> Steps { get; }

    public int StartOffset => _rootStart;

    public int EndOffset => Steps.Count == 0 ? _rootEnd : Steps[^1].EndOffset;

    public SourceRange Range => _map.Range(StartOffset, EndOffset);

    public override string ToString() => RootName + string.Concat(Steps);
}
