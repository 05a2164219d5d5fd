namespace Provisioner.Hcl.Syntax;

/// <summary>A variable reference with static steps: <c>var.a</c>, <c>local.m["k"]</c>, <c>aws_instance.web.0.id</c>.</summary>
public sealed class ScopeTraversalExpr : Expression
{
    internal ScopeTraversalExpr(SourceMap map, int start, int end, Traversal traversal)
        : base(map, start, end) => Traversal = traversal;

    public Traversal Traversal { get; }

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
