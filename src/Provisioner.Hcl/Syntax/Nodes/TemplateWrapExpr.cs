namespace Provisioner.Hcl.Syntax;

/// <summary>A template that is exactly one interpolation (<c>"${x}"</c>): it evaluates to the raw value of <see cref="Wrapped"/>.</summary>
public sealed class TemplateWrapExpr : Expression
{
    internal TemplateWrapExpr(SourceMap map, int start, int end, Expression wrapped)
        : base(map, start, end) => Wrapped = wrapped;

    public Expression Wrapped { get; }

    public override IEnumerable<SyntaxNode> ChildNodes() => [Wrapped];
}
