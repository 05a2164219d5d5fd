using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>The outcome of a parse: the lossless tree, its root node (best effort when there are errors) and diagnostics.</summary>
public sealed record ParseResult<TNode>(SyntaxTree Tree, TNode Root, DiagnosticList Diagnostics)
    where TNode : class
{
    public bool HasErrors => Diagnostics.HasErrors;
}
