using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// Type expressions as Terraform writes them (<c>ext/typeexpr</c>): <c>string</c>, <c>list(number)</c>,
/// <c>object({ a = string, b = optional(number, 1) })</c>, <c>tuple([string, bool])</c>, <c>any</c>.
/// </summary>
public static class TypeExpressions
{
    private const string InvalidTypeSummary = "Invalid type specification";

    /// <summary>An exact type: <c>any</c> and <c>optional(...)</c> are not allowed.</summary>
    public static TypeConstraintResult GetType(Expression expr) => Run(expr, constraint: false, withDefaults: false);

    /// <summary>A type constraint with <c>any</c>, <c>optional(T)</c> and <c>optional(T, default)</c> (Terraform's <c>TypeConstraintWithDefaults</c>).</summary>
    public static TypeConstraintResult GetTypeConstraint(Expression expr) => Run(expr, constraint: true, withDefaults: true);

    /// <summary>A type constraint with <c>any</c> and <c>optional(T)</c> but no default values (Terraform's <c>TypeConstraint</c>).</summary>
    public static TypeConstraintResult GetTypeConstraintWithoutDefaults(Expression expr) => Run(expr, constraint: true, withDefaults: false);

    /// <inheritdoc cref="GetType(Expression)"/>
    public static TypeConstraintResult GetType(IHclExpression expr) => Run(expr, false, false);

    /// <inheritdoc cref="GetTypeConstraint(Expression)"/>
    public static TypeConstraintResult GetTypeConstraint(IHclExpression expr) => Run(expr, true, true);

    /// <inheritdoc cref="GetTypeConstraintWithoutDefaults(Expression)"/>
    public static TypeConstraintResult GetTypeConstraintWithoutDefaults(IHclExpression expr) => Run(expr, true, false);

    /// <summary>Parses and reads a type constraint from source text (for tests and tools).</summary>
    public static TypeConstraintResult ParseTypeConstraint(string src, string filename = "<type>")
    {
        var p = HclSyntax.ParseExpression(System.Text.Encoding.UTF8.GetBytes(src), filename);
        if (p.Diagnostics.HasErrors)
            return new TypeConstraintResult(HclType.Dynamic, null, p.Diagnostics);
        return GetTypeConstraint(p.Root);
    }

    private static TypeConstraintResult Run(IHclExpression expr, bool constraint, bool withDefaults)
    {
        var native = expr switch
        {
            NativeExpression n => n.Syntax,
            IHclStaticSyntax s => s.ToNativeSyntax(),
            _ => null,
        };
        if (native is null)
        {
            var d = new DiagnosticList();
            d.Error(InvalidTypeSummary,
                "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).",
                expr.Range);
            return new TypeConstraintResult(HclType.Dynamic, null, d);
        }

        return Run(native, constraint, withDefaults);
    }

    private static TypeConstraintResult Run(Expression expr, bool constraint, bool withDefaults)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var diags = new DiagnosticList();
        var (t, d) = Get(expr, constraint, withDefaults, diags);
        return new TypeConstraintResult(t, d, diags);
    }

    internal static Expression Unwrap(Expression e)
    {
        while (true)
        {
            switch (e)
            {
                case ParenthesesExpr p:
                    e = p.Expression;
                    continue;
                case ObjectConsKeyExpr k:
                    e = k.Wrapped;
                    continue;
                default:
                    return e;
            }
        }
    }

    /// <summary>HCL's <c>ExprAsKeyword</c> for native syntax: a lone identifier (including true/false/null), else null.</summary>
    public static string? AsKeyword(Expression e)
    {
        e = Unwrap(e);
        return e switch
        {
            ScopeTraversalExpr { Traversal.Steps.Count: 0 } s => s.Traversal.RootName,
            LiteralValueExpr { Kind: LiteralValueKind.Bool or LiteralValueKind.Null } l => l.GetSourceText(),
            _ => null,
        };
    }

    private static (HclType, HclTypeDefaults?) Get(Expression expr, bool constraint, bool withDefaults, DiagnosticList diags)
    {
        var dyn = (HclType.Dynamic, (HclTypeDefaults?)null);
        var kw = AsKeyword(expr);
        switch (kw)
        {
            case "bool":
                return (HclType.Bool, null);
            case "string":
                return (HclType.String, null);
            case "number":
                return (HclType.Number, null);
            case "any":
                if (constraint)
                    return dyn;
                diags.Error(InvalidTypeSummary, $"The keyword \"{kw}\" cannot be used in this type specification: an exact type is required.", expr.Range);
                return dyn;
            case "list":
            case "map":
            case "set":
                diags.Error(InvalidTypeSummary, $"The {kw} type constructor requires one argument specifying the element type.", expr.Range);
                return dyn;
            case "object":
                diags.Error(InvalidTypeSummary, "The object type constructor requires one argument specifying the attribute types and values as a map.", expr.Range);
                return dyn;
            case "tuple":
                diags.Error(InvalidTypeSummary, "The tuple type constructor requires one argument specifying the element types as a list.", expr.Range);
                return dyn;
            case null:
                break;
            default:
                diags.Error(InvalidTypeSummary, $"The keyword \"{kw}\" is not a valid type specification.", expr.Range);
                return dyn;
        }

        if (Unwrap(expr) is not FunctionCallExpr call)
        {
            diags.Error(InvalidTypeSummary,
                "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).",
                expr.Range);
            return dyn;
        }

        var argsRange = SourceRange.Between(call.OpenParenRange, call.CloseParenRange);
        var args = call.Args;
        switch (call.Name)
        {
            case "bool":
            case "string":
            case "number":
                diags.Error(InvalidTypeSummary, $"Primitive type keyword \"{call.Name}\" does not expect arguments.", argsRange);
                return dyn;
            case "any":
                diags.Error(InvalidTypeSummary, $"Type constraint keyword \"{call.Name}\" does not expect arguments.", argsRange);
                return dyn;
        }

        if (args.Count != 1)
        {
            var subject = args.Count > 1 ? SourceRange.Between(args[1].Range, args[^1].Range) : argsRange;
            string? detail = call.Name switch
            {
                "list" or "set" or "map" => $"The {call.Name} type constructor requires one argument specifying the element type.",
                "object" => "The object type constructor requires one argument specifying the attribute types and values as a map.",
                "tuple" => "The tuple type constructor requires one argument specifying the element types as a list.",
                _ => null,
            };
            if (detail is not null)
            {
                diags.Error(InvalidTypeSummary, detail, subject, argsRange);
                return dyn;
            }
        }

        switch (call.Name)
        {
            case "list":
            {
                var (et, ed) = Get(args[0], constraint, withDefaults, diags);
                var t = HclType.List(et);
                return (t, CollectionDefaults(t, ed));
            }

            case "set":
            {
                var (et, ed) = Get(args[0], constraint, withDefaults, diags);
                var t = HclType.Set(et);
                return (t, CollectionDefaults(t, ed));
            }

            case "map":
            {
                var (et, ed) = Get(args[0], constraint, withDefaults, diags);
                var t = HclType.Map(et);
                return (t, CollectionDefaults(t, ed));
            }

            case "object":
                return GetObject(expr, args[0], constraint, withDefaults, diags);
            case "tuple":
            {
                if (Unwrap(args[0]) is not TupleConsExpr list)
                {
                    diags.Error(InvalidTypeSummary, "Tuple type constructor requires a list of element types.", args[0].Range, expr.Range);
                    return dyn;
                }

                var etys = new HclType[list.Items.Count];
                var children = new Dictionary<string, HclTypeDefaults>(StringComparer.Ordinal);
                for (var i = 0; i < etys.Length; i++)
                {
                    var (et, ed) = Get(list.Items[i], constraint, withDefaults, diags);
                    etys[i] = et;
                    if (ed is not null)
                        children[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ed;
                }

                var t = HclType.Tuple(etys);
                return (t, children.Count == 0 ? null : new HclTypeDefaults(t, null, children));
            }

            case "optional":
                diags.Error(InvalidTypeSummary, $"Keyword \"{call.Name}\" is valid only as a modifier for object type attributes.", call.NameRange);
                return dyn;
            default:
                diags.Error(InvalidTypeSummary, $"Keyword \"{call.Name}\" is not a valid type constructor.", expr.Range);
                return dyn;
        }
    }

    private static HclTypeDefaults? CollectionDefaults(HclType t, HclTypeDefaults? element) =>
        element is null ? null : new HclTypeDefaults(t, null, new Dictionary<string, HclTypeDefaults>(StringComparer.Ordinal) { [""] = element });

    private static (HclType, HclTypeDefaults?) GetObject(Expression expr, Expression arg, bool constraint, bool withDefaults, DiagnosticList diags)
    {
        if (Unwrap(arg) is not ObjectConsExpr obj)
        {
            diags.Error(InvalidTypeSummary, "Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.",
                arg.Range, expr.Range);
            return (HclType.Dynamic, null);
        }

        var atys = new Dictionary<string, HclType>(StringComparer.Ordinal);
        var defaults = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var children = new Dictionary<string, HclTypeDefaults>(StringComparer.Ordinal);
        var optional = new List<string>();
        foreach (var item in obj.Items)
        {
            var name = AsKeyword(item.Key);
            if (name is null)
            {
                diags.Error(InvalidTypeSummary, "Object constructor map keys must be attribute names.", item.Key.Range, expr.Range);
                continue;
            }

            var atyExpr = item.Value;
            Expression? defaultExpr = null;
            if (Unwrap(atyExpr) is FunctionCallExpr { Name: "optional" } opt)
            {
                var argsRange = SourceRange.Between(opt.OpenParenRange, opt.CloseParenRange);
                if (opt.Args.Count < 1)
                {
                    diags.Error(InvalidTypeSummary, "Optional attribute modifier requires the attribute type as its argument.", argsRange, atyExpr.Range);
                    continue;
                }

                if (constraint)
                {
                    if (withDefaults)
                    {
                        switch (opt.Args.Count)
                        {
                            case 2:
                            {
                                defaultExpr = opt.Args[1];
                                var r = HclEvaluator.Evaluate(defaultExpr, null);
                                diags.AddRange(r.Diagnostics);
                                if (!r.HasErrors)
                                {
                                    optional.Add(name);
                                    defaults[name] = r.Value;
                                }

                                break;
                            }

                            case 1:
                                optional.Add(name);
                                break;
                            default:
                                diags.Error(InvalidTypeSummary, "Optional attribute modifier expects at most two arguments: the attribute type, and a default value.",
                                    argsRange, atyExpr.Range);
                                break;
                        }
                    }
                    else if (opt.Args.Count == 1)
                    {
                        optional.Add(name);
                    }
                    else
                    {
                        diags.Error(InvalidTypeSummary, "Optional attribute modifier expects only one argument: the attribute type.", argsRange, atyExpr.Range);
                    }
                }
                else
                {
                    diags.Error(InvalidTypeSummary, "Optional attribute modifier is only for type constraints, not for exact types.", opt.NameRange, atyExpr.Range);
                }

                atyExpr = opt.Args[0];
            }

            var (aty, ad) = Get(atyExpr, constraint, withDefaults, diags);
            if (defaults.TryGetValue(name, out var dv))
            {
                var conv = HclConvert.Convert(dv, aty);
                if (!conv.IsSuccess)
                {
                    diags.Error("Invalid default value for optional attribute",
                        $"This default value is not compatible with the attribute's type constraint: {conv.Error}.", defaultExpr!.Range);
                    defaults.Remove(name);
                }
                else
                {
                    defaults[name] = conv.Value!;
                }
            }

            atys[name] = aty;
            if (ad is not null)
                children[name] = ad;
        }

        var t = HclType.Object(atys, optional);
        return (t, defaults.Count == 0 && children.Count == 0 ? null : new HclTypeDefaults(t, defaults, children));
    }
}
