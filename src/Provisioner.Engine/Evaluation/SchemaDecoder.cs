using System.Runtime.CompilerServices;
using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Evaluation;

/// <summary>
/// Decodes a configuration body (native or JSON syntax, <c>dynamic</c> blocks expanded) against a provider's
/// <see cref="BlockSchema"/> into one object value of the schema's implied type: unset attributes are null, nested
/// blocks become objects, lists, sets or maps, sensitive attributes carry the sensitive mark. Every problem is a
/// diagnostic with the range of the offending expression or block.
/// </summary>
internal static class SchemaDecoder
{
    private static readonly ConditionalWeakTable<BlockSchema, BodySchema> BodySchemas = [];

    public static HclValue Decode(BlockSchema schema, IHclBody body, EvalContext ctx, DiagnosticList diags)
    {
        var expanded = DynamicBlocks.Expand(body, ctx);
        var content = expanded.Content(BodySchemaOf(schema));
        diags.AddRange(content.Diagnostics);
        var c = content.Content;
        var layout = LayoutOf(schema);
        var slots = 0;
        foreach (var e in layout)
            slots = Math.Max(slots, e.Slot + 1);
        var attrs = new KeyValuePair<string, HclValue>[slots];
        foreach (var (name, a, b, slot) in layout)
        {
            if (b is not null)
            {
                attrs[slot] = new(name, DecodeBlocks(name, b, c, ctx, diags));
                continue;
            }

            if (!c.Attributes.TryGetValue(name, out var attr))
            {
                attrs[slot] = new(name, HclValue.NullOf(a!.Type));
                continue;
            }
            if (a!.Computed && !a.Optional && !a.Required)
            {
                diags.Error("Value for unconfigurable attribute",
                    $"Can't configure a value for \"{name}\": its value will be decided automatically based on the result of applying this configuration.",
                    attr.Expression.Range);
                attrs[slot] = new(name, HclValue.NullOf(a!.Type));
                continue;
            }
            var r = attr.Expression.Evaluate(ctx);
            diags.AddRange(r.Diagnostics);
            var v = r.HasErrors ? HclValue.UnknownOf(a!.Type) : r.Value;
            if (!r.HasErrors)
            {
                var conv = HclConvert.Convert(v, a!.Type);
                if (!conv.IsSuccess)
                {
                    diags.Error("Incorrect attribute value type",
                        $"Inappropriate value for attribute \"{name}\": {conv.Error!.Message}.", attr.Expression.Range);
                    v = HclValue.UnknownOf(a!.Type);
                }
                else
                {
                    v = conv.Value!;
                }
            }
            if (a.Required && v.IsNull)
            {
                diags.Error("Missing required argument",
                    $"The argument \"{name}\" is required, but no definition was found.", attr.Expression.Range);
            }
            if (a.Sensitive)
                v = v.Mark(HclMarks.Sensitive);
            attrs[slot] = new(name, v);
        }
        return HclValue.Object(attrs);
    }

    private static readonly ConditionalWeakTable<BlockSchema, (string Name, Sdk.Schema.AttributeSchema? Attribute, NestedBlockSchema? Block, int Slot)[]> Layouts = [];

    /// <summary>
    /// The schema's attributes, then its blocks, in the schema's order (the order they are evaluated and diagnosed
    /// in), each with its slot in the decoded object's attribute order (<see cref="HclKeyComparer"/>), so the object
    /// is built without sorting (cached per schema object).
    /// </summary>
    private static (string Name, Sdk.Schema.AttributeSchema? Attribute, NestedBlockSchema? Block, int Slot)[] LayoutOf(BlockSchema schema) =>
        Layouts.GetValue(schema, s =>
        {
            var entries = s.Attributes.Select(kv => (Name: kv.Key, Attribute: (Sdk.Schema.AttributeSchema?)kv.Value, Block: (NestedBlockSchema?)null))
                .Concat(s.Blocks.Select(kv => (Name: kv.Key, Attribute: (Sdk.Schema.AttributeSchema?)null, Block: (NestedBlockSchema?)kv.Value)))
                .ToList();
            var sorted = entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Order(HclKeyComparer.Instance).ToList();
            return [.. entries.Select(e => (e.Name, e.Attribute, e.Block, sorted.IndexOf(e.Name)))];
        });

    private static HclValue DecodeBlocks(string name, NestedBlockSchema b, BodyContent c, EvalContext ctx, DiagnosticList diags)
    {
        var blocks = c.BlocksOfType(name);
        var inner = b.Block.ImpliedType();
        if (b.MaxItems > 0 && blocks.Count > b.MaxItems)
            diags.Error($"Too many {name} blocks", $"No more than {b.MaxItems} \"{name}\" blocks are allowed.", blocks[b.MaxItems].DefRange);
        if (blocks.Count < b.MinItems)
            diags.Error($"Insufficient {name} blocks", $"At least {b.MinItems} \"{name}\" blocks are required.", c.MissingItemRange);
        switch (b.Nesting)
        {
            case BlockNesting.Single:
                if (blocks.Count > 1)
                    diags.Error($"Duplicate {name} block", $"Only one \"{name}\" block is allowed. Another was defined at {blocks[0].DefRange}.", blocks[1].DefRange);
                return blocks.Count == 0 ? HclValue.NullOf(inner) : Decode(b.Block, blocks[0].Body, ctx, diags);
            case BlockNesting.List:
                return blocks.Count == 0 ? HclValue.ListOf(inner) : HclValue.List(blocks.Select(x => Decode(b.Block, x.Body, ctx, diags)));
            case BlockNesting.Set:
                return blocks.Count == 0 ? HclValue.SetOf(inner) : HclValue.Set(blocks.Select(x => Decode(b.Block, x.Body, ctx, diags)));
            default:
                {
                    if (blocks.Count == 0)
                        return HclValue.MapOf(inner);
                    var items = new Dictionary<string, HclValue>(StringComparer.Ordinal);
                    foreach (var x in blocks)
                    {
                        var key = x.Labels[0];
                        if (items.ContainsKey(key))
                            diags.Error($"Duplicate {name} block", $"A \"{name}\" block with the label \"{key}\" was already defined.", x.DefRange);
                        items[key] = Decode(b.Block, x.Body, ctx, diags);
                    }
                    return HclValue.Map(items);
                }
        }
    }

    /// <summary>The HCL body schema for a provider schema (cached per schema object).</summary>
    public static BodySchema BodySchemaOf(BlockSchema schema) =>
        BodySchemas.GetValue(schema, s => new BodySchema(
            s.Attributes.Select(kv => new Hcl.AttributeSchema(kv.Key, kv.Value.Required)).ToList(),
            s.Blocks.Select(kv => kv.Value.Nesting == BlockNesting.Map
                ? new BlockHeaderSchema(kv.Key, ["key"])
                : new BlockHeaderSchema(kv.Key)).ToList()));
}
