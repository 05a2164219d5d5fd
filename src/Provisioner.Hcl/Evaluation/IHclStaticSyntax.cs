using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl;

/// <summary>
/// Implemented by non-native expressions (the JSON syntax) that can present themselves as native syntax for static
/// analysis: keywords, traversals, calls, lists and maps (HCL's <c>ExprAsKeyword</c>, <c>AbsTraversalForExpr</c>,
/// <c>ExprCall</c>, <c>ExprList</c>, <c>ExprMap</c>). A JSON string returns its content parsed as a native
/// expression (positions inside the string); return null when there is no such reading.
/// </summary>
public interface IHclStaticSyntax
{
    Expression? ToNativeSyntax();
}
