using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>The body wrapper behind <see cref="DynamicBlocks.Expand"/> (HCL's <c>expandBody</c>).</summary>
internal sealed class DynamicExpandBody : IHclBody
{
    private static readonly BlockHeaderSchema DynamicHeader = new("dynamic", ["type"]);

    private static readonly BodySchema SpecWithLabels = new(
        [new AttributeSchema("for_each", true), new AttributeSchema("iterator"), new AttributeSchema("labels", true)],
        [new BlockHeaderSchema("content")]);

    private static readonly BodySchema SpecNoLabels = new(
        [new AttributeSchema("for_each", true), new AttributeSchema("iterator")],
        [new BlockHeaderSchema("content")]);

    private readonly IHclBody _original;
    private readonly EvalContext? _forEachCtx;
    private readonly DynamicIteration? _iteration;
    private readonly Func<HclValue, IHclExpression, EvalContext?, DiagnosticList>? _checkForEach;
    private readonly HashSet<string>? _hiddenAttrs;
    private readonly Dictionary<string, BlockHeaderSchema>? _hiddenBlocks;

    public DynamicExpandBody(IHclBody original, EvalContext? forEachCtx, DynamicIteration? iteration,
        Func<HclValue, IHclExpression, EvalContext?, DiagnosticList>? checkForEach,
        HashSet<string>? hiddenAttrs, Dictionary<string, BlockHeaderSchema>? hiddenBlocks)
    {
        _original = original;
        _forEachCtx = forEachCtx;
        _iteration = iteration;
        _checkForEach = checkForEach;
        _hiddenAttrs = hiddenAttrs;
        _hiddenBlocks = hiddenBlocks;
    }

    public SourceRange MissingItemRange => _original.MissingItemRange;

    public ContentResult Content(BodySchema schema)
    {
        var (raw, diags) = _original.Content(ExtendSchema(schema));
        var blocks = ExpandBlocks(schema, raw.Blocks, partial: false, diags);
        return new ContentResult(new BodyContent(PrepareAttributes(raw.Attributes), blocks, _original.MissingItemRange), diags);
    }

    public PartialContentResult PartialContent(BodySchema schema)
    {
        var (raw, _, diags) = _original.PartialContent(ExtendSchema(schema));
        var blocks = ExpandBlocks(schema, raw.Blocks, partial: true, diags);
        var hiddenAttrs = _hiddenAttrs is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(_hiddenAttrs, StringComparer.Ordinal);
        var hiddenBlocks = _hiddenBlocks is null
            ? new Dictionary<string, BlockHeaderSchema>(StringComparer.Ordinal)
            : new Dictionary<string, BlockHeaderSchema>(_hiddenBlocks, StringComparer.Ordinal);
        foreach (var a in schema.Attributes)
            hiddenAttrs.Add(a.Name);
        foreach (var b in schema.Blocks)
            hiddenBlocks[b.Type] = b;
        var remain = new DynamicExpandBody(_original, _forEachCtx, _iteration, _checkForEach, hiddenAttrs, hiddenBlocks);
        return new PartialContentResult(new BodyContent(PrepareAttributes(raw.Attributes), blocks, _original.MissingItemRange), remain, diags);
    }

    /// <summary>Blocks are not allowed in this mode and this wrapper only produces blocks, so it passes straight through (as HCL does).</summary>
    public JustAttributesResult JustAttributes() => _original.JustAttributes();

    private BodySchema ExtendSchema(BodySchema schema)
    {
        var blocks = new List<BlockHeaderSchema>(schema.Blocks.Count + 1 + (_hiddenBlocks?.Count ?? 0));
        blocks.AddRange(schema.Blocks);
        blocks.Add(DynamicHeader);
        if (_hiddenBlocks is not null)
            blocks.AddRange(_hiddenBlocks.Values);
        IReadOnlyList<AttributeSchema> attrs = schema.Attributes;
        if (_hiddenAttrs is { Count: > 0 })
        {
            var list = new List<AttributeSchema>(schema.Attributes);
            foreach (var name in _hiddenAttrs)
                list.Add(new AttributeSchema(name));
            attrs = list;
        }

        return new BodySchema(attrs, blocks);
    }

    private HclAttributes PrepareAttributes(HclAttributes raw)
    {
        if ((_hiddenAttrs is null || _hiddenAttrs.Count == 0) && _iteration is null)
            return raw;
        var attrs = new HclAttributes();
        foreach (var a in raw.InOrder)
        {
            if (_hiddenAttrs is not null && _hiddenAttrs.Contains(a.Name))
                continue;
            attrs.Add(_iteration is null ? a : a with { Expression = new DynamicIterationExpression(a.Expression, _iteration) });
        }

        return attrs;
    }

    private List<HclBlock> ExpandBlocks(BodySchema schema, IReadOnlyList<HclBlock> rawBlocks, bool partial, DiagnosticList diags)
    {
        var blocks = new List<HclBlock>();
        foreach (var raw in rawBlocks)
        {
            if (raw.Type != "dynamic")
            {
                if (_hiddenBlocks is null || !_hiddenBlocks.ContainsKey(raw.Type))
                    blocks.Add(raw with { Body = ExpandChild(raw.Body, _iteration) });
                continue;
            }

            var realType = raw.Labels[0];
            if (_hiddenBlocks is not null && _hiddenBlocks.ContainsKey(realType))
                continue;
            BlockHeaderSchema? blockS = null;
            foreach (var candidate in schema.Blocks)
            {
                if (candidate.Type == realType)
                {
                    blockS = candidate;
                    break;
                }
            }

            if (blockS is null)
            {
                if (!partial)
                    diags.Error("Unsupported block type", $"Blocks of type \"{realType}\" are not expected here.", raw.LabelRanges[0]);
                continue;
            }

            var spec = DecodeSpec(blockS, raw, diags);
            if (spec is null)
                continue;

            if (spec.ForEach.IsKnown)
            {
                var (each, marks) = spec.ForEach.Unmark();
                foreach (var (key, value) in Evaluator.Iterate(each))
                {
                    var it = DynamicIteration.MakeChild(_iteration, spec.IteratorName, key.WithMarks(marks), value.WithMarks(marks));
                    var block = spec.NewBlock(it, _forEachCtx, diags);
                    if (block is not null)
                        blocks.Add(block with { Body = ExpandChild(block.Body, it) });
                }
            }
            else
            {
                var it = DynamicIteration.MakeChild(_iteration, spec.IteratorName, HclValue.DynamicVal, HclValue.DynamicVal);
                var block = spec.NewBlock(it, _forEachCtx, diags);
                if (block is not null)
                    blocks.Add(block with { Body = new UnknownBody(ExpandChild(block.Body, it)) });
            }
        }

        return blocks;
    }

    private IHclBody ExpandChild(IHclBody child, DynamicIteration? iteration)
    {
        var ctx = iteration is null ? (_forEachCtx?.NewChild() ?? null) : iteration.EvalContext(_forEachCtx);
        return new DynamicExpandBody(child, ctx, iteration, _checkForEach, null, null);
    }

    private sealed record Spec(string BlockType, SourceRange TypeRange, SourceRange DefRange, HclValue ForEach, string IteratorName,
        IReadOnlyList<IHclExpression>? LabelExprs, IHclBody Content)
    {
        public HclBlock? NewBlock(DynamicIteration it, EvalContext? ctx, DiagnosticList diags)
        {
            var labels = new List<string>();
            var ranges = new List<SourceRange>();
            if (LabelExprs is not null)
            {
                var lctx = it.EvalContext(ctx);
                foreach (var e in LabelExprs)
                {
                    var r = e.Evaluate(lctx);
                    diags.AddRange(r.Diagnostics);
                    if (r.HasErrors)
                        return null;
                    var c = HclConvert.Convert(r.Value, HclType.String);
                    if (!c.IsSuccess)
                    {
                        diags.Error("Invalid dynamic block label", $"Cannot use this value as a dynamic block label: {c.Error}.", e.Range);
                        return null;
                    }

                    var v = c.Value!;
                    if (v.IsNull)
                    {
                        diags.Error("Invalid dynamic block label", "Cannot use a null value as a dynamic block label.", e.Range);
                        return null;
                    }

                    if (!v.IsKnown)
                    {
                        diags.Error("Invalid dynamic block label", "This value is not yet known. Dynamic block labels must be immediately-known values.", e.Range);
                        return null;
                    }

                    labels.Add(v.Unmark().Value.AsString());
                    ranges.Add(e.Range);
                }
            }

            return new HclBlock(BlockType, labels, Content, DefRange, TypeRange, ranges);
        }
    }

    private Spec? DecodeSpec(BlockHeaderSchema blockS, HclBlock raw, DiagnosticList diags)
    {
        var (content, specDiags) = raw.Body.Content(blockS.LabelNames.Count != 0 ? SpecWithLabels : SpecNoLabels);
        diags.AddRange(specDiags);
        if (specDiags.HasErrors)
            return null;

        var eachAttr = content.Attributes["for_each"];
        var each = eachAttr.Expression.Evaluate(_forEachCtx);
        diags.AddRange(each.Diagnostics);
        if (each.HasErrors)
            return null;
        var eachVal = each.Value;
        if (_checkForEach is not null)
        {
            var more = _checkForEach(eachVal, eachAttr.Expression, _forEachCtx);
            diags.AddRange(more);
            if (more.HasErrors)
                return null;
        }

        if (!Evaluator.CanIterate(eachVal.Type) && !eachVal.Type.IsDynamic)
        {
            diags.Error("Invalid dynamic for_each value", $"Cannot use a {eachVal.Type.FriendlyName} value in for_each. An iterable collection is required.",
                eachAttr.Expression.Range);
            return null;
        }

        if (eachVal.IsNull)
        {
            diags.Error("Invalid dynamic for_each value", "Cannot use a null value in for_each.", eachAttr.Expression.Range);
            return null;
        }

        var iteratorName = blockS.Type;
        if (content.Attributes.TryGetValue("iterator", out var iteratorAttr))
        {
            var (trav, travDiags) = StaticExpressions.AbsTraversal(iteratorAttr.Expression);
            diags.AddRange(travDiags);
            if (trav is null)
                return null;
            if (trav.Steps.Count != 0)
            {
                diags.Error("Invalid dynamic iterator name", "Dynamic iterator must be a single variable name.", trav.Range);
                return null;
            }

            iteratorName = trav.RootName;
        }

        IReadOnlyList<IHclExpression>? labelExprs = null;
        if (content.Attributes.TryGetValue("labels", out var labelsAttr))
        {
            var (items, listDiags) = StaticExpressions.List(labelsAttr.Expression);
            diags.AddRange(listDiags);
            if (items is null)
                return null;
            if (items.Count > blockS.LabelNames.Count)
            {
                diags.Error("Extraneous dynamic block label", $"Blocks of type \"{blockS.Type}\" require {blockS.LabelNames.Count} label(s).",
                    items[blockS.LabelNames.Count].Range);
                return null;
            }

            if (items.Count < blockS.LabelNames.Count)
            {
                diags.Error("Insufficient dynamic block labels", $"Blocks of type \"{blockS.Type}\" require {blockS.LabelNames.Count} label(s).",
                    labelsAttr.Expression.Range);
                return null;
            }

            labelExprs = items;
        }

        if (content.Blocks.Count == 0)
        {
            diags.Error("Missing dynamic content block",
                "A dynamic block must have a nested block of type \"content\" to describe the body of each generated block.", content.MissingItemRange);
            return null;
        }

        if (content.Blocks.Count > 1)
        {
            diags.Error("Extraneous dynamic content block", "Only one nested content block is allowed for each dynamic block.", content.Blocks[1].DefRange);
            return null;
        }

        return new Spec(blockS.Type, raw.LabelRanges[0], raw.DefRange, eachVal, iteratorName, labelExprs, content.Blocks[0].Body);
    }
}
