using Provisioner.Hcl;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config.Validation;

/// <summary>Collects the references of every expression in a body, with <c>dynamic</c> iterators in scope.</summary>
internal static class BodyReferences
{
    public static void Collect(IHclBody body, RefContext ctx, IReadOnlySet<string> skipTopLevel,
        List<(Traversal Traversal, RefContext Context)> into)
    {
        if (body is NativeBody native)
        {
            Walk(native.Syntax, ctx, skipTopLevel, into);
            return;
        }
        // JSON bodies: no schema, so every property is read as an attribute (nested blocks are objects).
        var (attrs, _) = body.JustAttributes();
        foreach (var attr in attrs.InOrder)
        {
            if (skipTopLevel.Contains(attr.Name))
                continue;
            foreach (var t in attr.Expression.Variables())
                into.Add((t, ctx with { Iterators = AllIterators }));
        }
    }

    /// <summary>Marker set meaning "unknown iterators may be in scope" (JSON bodies).</summary>
    public static readonly IReadOnlySet<string> AllIterators = new HashSet<string>(["*"], StringComparer.Ordinal);

    private static void Walk(Body body, RefContext ctx, IReadOnlySet<string> skip, List<(Traversal, RefContext)> into)
    {
        foreach (var attr in body.Attributes)
        {
            if (skip.Contains(attr.Name))
                continue;
            foreach (var t in attr.Expression.Variables())
                into.Add((t, ctx));
        }
        var none = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in body.Blocks)
        {
            if (skip.Contains(block.Type))
                continue;
            if (block.Type == "dynamic" && block.Labels.Count == 1)
            {
                var iterator = block.Labels[0];
                var it = block.Body.GetAttribute("iterator");
                if (it is not null && StaticExpr.AsKeyword(it.Expression) is { } kw)
                    iterator = kw;
                var fe = block.Body.GetAttribute("for_each");
                if (fe is not null)
                {
                    foreach (var t in fe.Expression.Variables())
                        into.Add((t, ctx));
                }
                var inner = ctx.WithIterator(iterator);
                foreach (var a in block.Body.Attributes)
                {
                    if (a.Name is "for_each" or "iterator")
                        continue;
                    foreach (var t in a.Expression.Variables())
                        into.Add((t, inner));
                }
                foreach (var content in block.Body.Blocks)
                    Walk(content.Body, inner, none, into);
                continue;
            }
            // Terraform allows "self" in connection and provisioner blocks.
            Walk(block.Body, block.Type is "connection" or "provisioner" ? ctx with { Self = true } : ctx, none, into);
        }
    }
}
