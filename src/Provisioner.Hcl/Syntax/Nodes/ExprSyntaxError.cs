namespace Provisioner.Hcl.Syntax;

/// <summary>A placeholder for an expression that could not be parsed (an error diagnostic was reported).</summary>
public sealed class ExprSyntaxError : Expression
{
    internal ExprSyntaxError(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}
