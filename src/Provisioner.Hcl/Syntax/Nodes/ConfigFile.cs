namespace Provisioner.Hcl.Syntax;

/// <summary>The root of a parsed configuration file: its <see cref="Body"/>. Its span is the whole file.</summary>
public sealed class ConfigFile : SyntaxNode
{
    internal ConfigFile(SourceMap map, int start, int end, Body body)
        : base(map, start, end) => Body = body;

    public Body Body { get; }

    public override IEnumerable<SyntaxNode> ChildNodes() => [Body];
}
