namespace Provisioner.Hcl.Syntax;

/// <summary>An attribute access step, <c>.name</c>.</summary>
public sealed class TraverseAttr : TraversalStep
{
    internal TraverseAttr(SourceMap map, int start, int end, string name)
        : base(map, start, end) => Name = name;

    public string Name { get; }

    public override string ToString() => "." + Name;
}
