using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

public static partial class DynamicBlocks
{
    /// <summary>
    /// The variable references of a body decoded with <paramref name="schema"/>, looking inside <c>dynamic</c>
    /// blocks the way their expansion will (HCL's <c>dynblock.VariablesHCLDec</c>): <c>for_each</c> and
    /// <c>labels</c> are included, and references to an iterator in scope (<c>setting.value</c>) are left out.
    /// Diagnostics are ignored: decoding the body reports them.
    /// </summary>
    public static IReadOnlyList<Traversal> Variables(IHclBody body, BodySchemaTree schema)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(schema);
        var acc = new List<Traversal>();
        Walk(body, schema, [], acc);
        return acc;
    }

    private static readonly BodySchema SpecSchema = new(
        [new AttributeSchema("for_each"), new AttributeSchema("iterator"), new AttributeSchema("labels")],
        [new BlockHeaderSchema("content")]);

    private static void Walk(IHclBody body, BodySchemaTree tree, IReadOnlyCollection<string> iterators, List<Traversal> acc)
    {
        var blocks = new List<BlockHeaderSchema>(tree.Schema.Blocks.Count + 1);
        blocks.AddRange(tree.Schema.Blocks);
        blocks.Add(new BlockHeaderSchema("dynamic", ["type"]));
        var (content, _, _) = body.PartialContent(new BodySchema(tree.Schema.Attributes, blocks));
        foreach (var a in content.Attributes.InOrder)
            AddFiltered(a.Expression.Variables(), iterators, acc);

        foreach (var b in content.Blocks)
        {
            if (b.Type != "dynamic")
            {
                if (tree.Blocks.TryGetValue(b.Type, out var childTree))
                    Walk(b.Body, childTree, iterators, acc);
                continue;
            }

            if (b.Labels.Count == 0)
                continue;
            var (spec, _, _) = b.Body.PartialContent(SpecSchema);
            if (spec.Attributes.TryGetValue("for_each", out var forEach))
                AddFiltered(forEach.Expression.Variables(), iterators, acc);

            var iteratorName = b.Labels[0];
            if (spec.Attributes.TryGetValue("iterator", out var iteratorAttr)
                && StaticExpressions.AbsTraversal(iteratorAttr.Expression).Traversal is { Steps.Count: 0 } it)
            {
                iteratorName = it.RootName;
            }

            var inner = new HashSet<string>(iterators, StringComparer.Ordinal) { iteratorName };
            if (spec.Attributes.TryGetValue("labels", out var labels))
                AddFiltered(labels.Expression.Variables(), inner, acc);

            if (!tree.Blocks.TryGetValue(b.Labels[0], out var contentTree))
                continue;
            foreach (var c in spec.Blocks)
                Walk(c.Body, contentTree, inner, acc);
        }
    }

    private static void AddFiltered(IReadOnlyList<Traversal> vars, IReadOnlyCollection<string> iterators, List<Traversal> acc)
    {
        foreach (var t in vars)
        {
            if (!iterators.Contains(t.RootName))
                acc.Add(t);
        }
    }
}
