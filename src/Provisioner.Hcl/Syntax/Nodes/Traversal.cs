using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>An absolute traversal: a root variable name followed by attribute/index steps (<c>var.a[0].b</c>).</summary>
public sealed class Traversal
{
    private List<TraversalStep>? _steps;

    internal Traversal(TraverseRoot root, List<TraversalStep>? steps = null)
    {
        Root = root;
        _steps = steps;
    }

    public TraverseRoot Root { get; }

    public string RootName => Root.Name;

    /// <summary>The steps after the root.</summary>
    public IReadOnlyList<TraversalStep> Steps => (IReadOnlyList<TraversalStep>?)_steps ?? [];

    public int StartOffset => Root.StartOffset;

    public int EndOffset => _steps is null or { Count: 0 } ? Root.EndOffset : _steps[^1].EndOffset;

    public SourceRange Range => Root.Map.Range(StartOffset, EndOffset);

    internal void AddStep(TraversalStep step) => (_steps ??= new List<TraversalStep>(2)).Add(step);

    public override string ToString() => RootName + string.Concat(Steps);
}
