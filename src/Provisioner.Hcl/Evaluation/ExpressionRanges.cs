using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

/// <summary>HCL's <c>StartRange</c> for native expressions: the range diagnostics point at when the whole expression is too much.</summary>
public static class ExpressionRanges
{
    /// <summary>
    /// The start range of an expression as hclsyntax defines it: the name and open parenthesis of a call, the
    /// open bracket or brace of constructors and for expressions, the symbol of a unary operator, the start of
    /// the left operand or condition, and otherwise the whole range.
    /// </summary>
    public static SourceRange StartRange(Expression expr)
    {
        while (true)
        {
            switch (expr)
            {
                case FunctionCallExpr f:
                    return SourceRange.Between(f.NameRange, f.OpenParenRange);
                case ConditionalExpr c:
                    expr = c.Condition;
                    continue;
                case BinaryOpExpr b:
                    expr = b.Left;
                    continue;
                case UnaryOpExpr u:
                    return u.SymbolRange;
                case TupleConsExpr t:
                    return t.OpenRange;
                case ObjectConsExpr o:
                    return o.OpenRange;
                case ForExpr f:
                    return f.OpenRange;
                case IndexExpr i:
                    return i.OpenRange;
                case SplatExpr s:
                    return s.MarkerRange;
                case TemplateExpr t when t.Parts.Count > 0:
                    expr = t.Parts[0];
                    continue;
                case TemplateForExpr tf:
                    return tf.OpenRange;
                case TemplateIfExpr ti:
                    expr = ti.Condition;
                    continue;
                case ObjectConsKeyExpr k:
                    expr = k.Wrapped;
                    continue;
                default:
                    return expr.Range;
            }
        }
    }
}
