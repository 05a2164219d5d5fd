namespace Provisioner.Hcl.Syntax;

/// <summary>The root variable name of an absolute traversal.</summary>
public sealed class TraverseRoot : TraversalStep
{
    internal TraverseRoot(SourceMap map, int start, int end, string name)
        : base(map, start, end) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}
