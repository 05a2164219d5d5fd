using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Conformance;

/// <summary>
/// A small hcldec: decodes a body into one value following a <see cref="DecoderSpec"/>, through the generic
/// <see cref="IHclBody"/> schema API (so it exercises exactly what the configuration loader will use).
/// </summary>
internal sealed class HcldecDecoder(EvalContext ctx)
{
    public HclValue Decode(IHclBody body, DecoderSpec spec, DiagnosticList diags)
    {
        var schema = new SchemaBuilder();
        schema.Collect(spec);
        var (content, contentDiags) = body.Content(schema.Build());
        diags.AddRange(contentDiags);
        return DecodeContent(content, spec, diags);
    }

    private HclValue DecodeContent(BodyContent content, DecoderSpec spec, DiagnosticList diags)
    {
        switch (spec)
        {
            case ObjectSpec o:
                return HclValue.Object(o.Properties.Select(p => new KeyValuePair<string, HclValue>(p.Name, DecodeContent(content, p.Spec, diags))));
            case ArraySpec a:
                return HclValue.Tuple(a.Items.Select(i => DecodeContent(content, i, diags)));
            case LiteralSpec l:
                return l.Value;
            case DefaultSpec d:
                {
                    var v = DecodeContent(content, d.Primary, diags);
                    return v.IsNull ? DecodeContent(content, d.Fallback, diags) : v;
                }
            case AttrSpec attr:
                {
                    if (!content.Attributes.TryGetValue(attr.Name, out var a))
                        return HclValue.NullOf(attr.Type);
                    var r = a.Expression.Evaluate(ctx);
                    diags.AddRange(r.Diagnostics);
                    if (r.HasErrors)
                        return HclValue.UnknownOf(attr.Type);
                    var conv = HclConvert.Convert(r.Value, attr.Type);
                    if (!conv.IsSuccess)
                    {
                        diags.Error("Incorrect attribute value type", $"Inappropriate value for attribute \"{attr.Name}\": {conv.Error}.", a.Expression.Range);
                        return HclValue.UnknownOf(attr.Type);
                    }
                    return conv.Value;
                }
            case BlockSpec b:
                {
                    var blocks = content.BlocksOfType(b.BlockType);
                    if (blocks.Count > 1)
                    {
                        diags.Error($"Duplicate {b.BlockType} block", $"Only one block of type \"{b.BlockType}\" is allowed.", blocks[1].DefRange);
                    }
                    if (blocks.Count == 0)
                    {
                        if (b.Required)
                            diags.Error($"Missing {b.BlockType} block", $"A block of type \"{b.BlockType}\" is required here.", content.MissingItemRange);
                        return HclValue.NullOf(HclType.Dynamic);
                    }
                    return Decode(blocks[0].Body, b.Nested, diags);
                }
            case BlockListSpec bl:
                {
                    var blocks = content.BlocksOfType(bl.BlockType);
                    if (bl.MinItems > 0 && blocks.Count < bl.MinItems)
                        diags.Error($"Insufficient {bl.BlockType} blocks", $"At least {bl.MinItems} \"{bl.BlockType}\" blocks are required.", content.MissingItemRange);
                    if (bl.MaxItems > 0 && blocks.Count > bl.MaxItems)
                        diags.Error($"Too many {bl.BlockType} blocks", $"No more than {bl.MaxItems} \"{bl.BlockType}\" blocks are allowed", blocks[bl.MaxItems].DefRange);
                    var items = blocks.Select(x => Decode(x.Body, bl.Nested, diags)).ToList();
                    if (items.Count == 0)
                        return HclValue.EmptyTuple;
                    var types = items.Select(i => i.Type).Distinct().ToList();
                    if (types.Count == 1)
                        return bl.IsSet ? HclValue.Set(items) : HclValue.List(items);
                    return HclValue.Tuple(items);
                }
            case BlockMapSpec bm:
                {
                    var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    foreach (var blk in content.BlocksOfType(bm.BlockType))
                    {
                        var v = Decode(blk.Body, bm.Nested, diags);
                        var level = root;
                        for (var i = 0; i < blk.Labels.Count; i++)
                        {
                            if (i == blk.Labels.Count - 1)
                            {
                                level[blk.Labels[i]] = v;
                            }
                            else
                            {
                                if (!level.TryGetValue(blk.Labels[i], out var next))
                                    level[blk.Labels[i]] = next = new SortedDictionary<string, object>(StringComparer.Ordinal);
                                level = (SortedDictionary<string, object>)next;
                            }
                        }
                    }
                    return ToMapValue(root);
                }
            default:
                throw new InvalidOperationException("unknown spec " + spec);
        }
    }

    private static HclValue ToMapValue(SortedDictionary<string, object> level)
    {
        var items = level.Select(kv => new KeyValuePair<string, HclValue>(kv.Key,
            kv.Value is HclValue v ? v : ToMapValue((SortedDictionary<string, object>)kv.Value))).ToList();
        if (items.Count == 0)
            return HclValue.EmptyObject;
        return items.Select(i => i.Value.Type).Distinct().Count() == 1 ? HclValue.Map(items) : HclValue.Object(items);
    }

    /// <summary>Collects the attributes and block types a spec reads from one body.</summary>
    private sealed class SchemaBuilder
    {
        private readonly List<AttributeSchema> _attrs = [];
        private readonly List<BlockHeaderSchema> _blocks = [];

        public void Collect(DecoderSpec spec)
        {
            switch (spec)
            {
                case ObjectSpec o:
                    foreach (var p in o.Properties)
                        Collect(p.Spec);
                    break;
                case ArraySpec a:
                    foreach (var i in a.Items)
                        Collect(i);
                    break;
                case DefaultSpec d:
                    Collect(d.Primary);
                    Collect(d.Fallback);
                    break;
                case AttrSpec attr:
                    _attrs.Add(new AttributeSchema(attr.Name, attr.Required));
                    break;
                case BlockSpec b:
                    _blocks.Add(new BlockHeaderSchema(b.BlockType));
                    break;
                case BlockListSpec bl:
                    _blocks.Add(new BlockHeaderSchema(bl.BlockType));
                    break;
                case BlockMapSpec bm:
                    _blocks.Add(new BlockHeaderSchema(bm.BlockType, bm.Labels));
                    break;
            }
        }

        public BodySchema Build() => new(_attrs, _blocks);
    }
}
