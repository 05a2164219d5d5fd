using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning.Pools;

/// <summary>What the engine writes into a pool node's configuration: its name, template revision and template hash.</summary>
internal sealed record PoolNodeSite(string Key, long Revision, NodePoolSchema Schema)
{
    /// <summary>
    /// The configuration with <c>node_name</c>, <c>template_revision</c> and <c>template_hash</c> set, and the
    /// pool-level arguments (quantity, rollout) null: the pool's value carries them, a node does not.
    /// </summary>
    public HclValue Inject(HclValue config)
    {
        if (config.IsNull || !config.IsKnown || !config.Type.IsObject)
            return config;
        var hash = PoolShape.TemplateHash(config, Schema);
        var attrs = new List<KeyValuePair<string, HclValue>>(config.Attributes.Count);
        foreach (var kv in config.Attributes)
        {
            if (kv.Key == Schema.NodeNameAttribute)
                attrs.Add(new(kv.Key, HclValue.String(Key)));
            else if (kv.Key == Schema.TemplateRevisionAttribute)
                attrs.Add(new(kv.Key, HclValue.Number(Revision)));
            else if (kv.Key == Schema.TemplateHashAttribute)
                attrs.Add(new(kv.Key, hash is null ? HclValue.UnknownOf(HclType.String) : HclValue.String(hash)));
            else if (kv.Key == Schema.QuantityAttribute || kv.Key == Schema.RolloutBlock)
                attrs.Add(new(kv.Key, HclValue.NullOf(kv.Value.Type))); // pool-level: a scale or rollout change is not a node change
            else
                attrs.Add(kv);
        }
        return HclValue.Object(attrs);
    }
}
