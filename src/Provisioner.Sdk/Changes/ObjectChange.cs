using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Sdk.Changes;

/// <summary>
/// The value-level rules shared by the engine and providers when planning a change of one object.
/// </summary>
public static class ObjectChange
{
    /// <summary>
    /// The proposed new object: what the configuration asks for, with computed attributes the configuration leaves
    /// unset taken from the prior object (or unknown when there is none), as Terraform's <c>ProposedNew</c> does.
    /// </summary>
    /// <param name="schema">The resource's schema.</param>
    /// <param name="prior">The prior object, or a null value when creating.</param>
    /// <param name="config">The configuration value (unset optional attributes are null).</param>
    public static HclValue ProposedNew(BlockSchema schema, HclValue prior, HclValue config)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (config.IsNull)
            return config;
        if (!config.IsKnown)
            return config;
        var priorKnown = !prior.IsNull && prior.IsKnown;
        var attrs = new List<KeyValuePair<string, HclValue>>(schema.Attributes.Count + schema.Blocks.Count);
        foreach (var (name, a) in schema.Attributes)
        {
            var c = config.Type.HasAttribute(name) ? config.GetAttribute(name) : HclValue.NullOf(a.Type);
            HclValue v;
            if (!c.IsNull || !a.Computed)
                v = c.IsNull && a.Default is { } d ? d : c;
            else if (priorKnown && prior.Type.HasAttribute(name))
                v = prior.GetAttribute(name);
            else
                v = HclValue.UnknownOf(a.Type);
            attrs.Add(new(name, v));
        }
        foreach (var (name, b) in schema.Blocks)
        {
            var c = config.Type.HasAttribute(name) ? config.GetAttribute(name) : HclValue.NullOf(b.Block.ImpliedType());
            var p = priorKnown && prior.Type.HasAttribute(name) ? prior.GetAttribute(name) : HclValue.NullOf(c.Type);
            attrs.Add(new(name, ProposedNested(b, p, c)));
        }
        return HclValue.Object(attrs);
    }

    private static HclValue ProposedNested(NestedBlockSchema b, HclValue prior, HclValue config)
    {
        if (config.IsNull || !config.IsKnown)
            return config;
        switch (b.Nesting)
        {
            case BlockNesting.Single:
                return ProposedNew(b.Block, prior, config);
            case BlockNesting.List:
                {
                    // Blocks in a list are matched with the prior blocks by position.
                    var priorItems = prior.IsNull || !prior.IsKnown ? [] : prior.Elements;
                    var items = config.Elements.Select((c, i) => ProposedNew(b.Block, i < priorItems.Count ? priorItems[i] : HclValue.NullOf(c.Type), c)).ToList();
                    return items.Count == 0 ? config : HclValue.List(items);
                }
            case BlockNesting.Map:
                {
                    var items = new List<KeyValuePair<string, HclValue>>();
                    foreach (var (key, c) in config.Attributes)
                    {
                        var p = !prior.IsNull && prior.IsKnown && prior.TryGetAttribute(key, out var pv) ? pv : HclValue.NullOf(c.Type);
                        items.Add(new(key, ProposedNew(b.Block, p, c)));
                    }
                    return items.Count == 0 ? config : HclValue.Map(items);
                }
            default:
                {
                    // Set elements have no identity to match by; computed attributes inside them stay unknown.
                    var items = config.Elements.Select(c => ProposedNew(b.Block, HclValue.NullOf(c.Type), c)).ToList();
                    return items.Count == 0 ? config : HclValue.Set(items);
                }
        }
    }

    /// <summary>
    /// The attributes marked <see cref="AttributeSchema.ForceNew"/> (at any nesting level) whose value differs
    /// between <paramref name="prior"/> and <paramref name="planned"/>: a non-empty result means "replace".
    /// </summary>
    public static IReadOnlyList<AttributePath> ForceNewChanges(BlockSchema schema, HclValue prior, HclValue planned)
    {
        var result = new List<AttributePath>();
        if (prior.IsNull || planned.IsNull || !prior.IsKnown || !planned.IsKnown)
            return result;
        Collect(schema, prior, planned, AttributePath.Root, result);
        return result;
    }

    private static void Collect(BlockSchema schema, HclValue prior, HclValue planned, AttributePath path, List<AttributePath> result)
    {
        foreach (var (name, a) in schema.Attributes)
        {
            if (!a.ForceNew)
                continue;
            var p = prior.Type.HasAttribute(name) ? prior.GetAttribute(name) : HclValue.Null;
            var n = planned.Type.HasAttribute(name) ? planned.GetAttribute(name) : HclValue.Null;
            if (!n.IsKnown || !p.Unmark().Value.RawEquals(n.Unmark().Value))
                result.Add(path.ThenAttr(name));
        }
        foreach (var (name, b) in schema.Blocks)
        {
            var p = prior.Type.HasAttribute(name) ? prior.GetAttribute(name) : HclValue.Null;
            var n = planned.Type.HasAttribute(name) ? planned.GetAttribute(name) : HclValue.Null;
            if (p.IsNull || n.IsNull || !p.IsKnown || !n.IsKnown)
            {
                if (p.IsNull != n.IsNull && HasForceNew(b.Block))
                    result.Add(path.ThenAttr(name));
                continue;
            }
            switch (b.Nesting)
            {
                case BlockNesting.Single:
                    Collect(b.Block, p, n, path.ThenAttr(name), result);
                    break;
                case BlockNesting.List:
                    if (p.Elements.Count != n.Elements.Count && HasForceNew(b.Block))
                    {
                        result.Add(path.ThenAttr(name));
                        break;
                    }
                    for (var i = 0; i < Math.Min(p.Elements.Count, n.Elements.Count); i++)
                        Collect(b.Block, p.Elements[i], n.Elements[i], path.ThenAttr(name).ThenIndex(i), result);
                    break;
                default:
                    if (HasForceNew(b.Block) && !p.Unmark().Value.RawEquals(n.Unmark().Value))
                        result.Add(path.ThenAttr(name));
                    break;
            }
        }
    }

    private static bool HasForceNew(BlockSchema schema) =>
        schema.Attributes.Values.Any(a => a.ForceNew) || schema.Blocks.Values.Any(b => HasForceNew(b.Block));
}
