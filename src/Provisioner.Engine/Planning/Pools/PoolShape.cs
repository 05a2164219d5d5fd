using System.Security.Cryptography;
using System.Text;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning.Pools;

/// <summary>
/// How references see a node pool: the pool's arguments plus <c>nodes</c>, the list of node objects of its
/// instances ordered by node number (decision 0006 §1).
/// </summary>
/// <param name="Config">The pool's configuration object (the same for every node).</param>
/// <param name="Schema">The pool's <see cref="NodePoolSchema"/>.</param>
/// <param name="InstanceType">The implied type of one instance's object.</param>
internal sealed record PoolShape(HclValue Config, NodePoolSchema Schema, HclType InstanceType)
{
    /// <summary>The node object of the instance keyed <paramref name="key"/>: <c>name</c> (the key) and the schema's node attributes.</summary>
    public HclValue NodeObject(string key, HclValue instance)
    {
        var plain = instance.UnmarkDeep().Value;
        var attrs = new List<KeyValuePair<string, HclValue>>(Schema.NodeAttributes.Count + 1) { new("name", HclValue.String(key)) };
        foreach (var a in Schema.NodeAttributes)
        {
            if (a == "name" || !InstanceType.HasAttribute(a))
                continue;
            var t = InstanceType.AttributeType(a);
            attrs.Add(new(a, plain.IsKnown && !plain.IsNull && plain.Type.HasAttribute(a) ? plain.GetAttribute(a) : HclValue.UnknownOf(t)));
        }
        return HclValue.Object(attrs);
    }

    /// <summary>The type of <see cref="NodeObject"/>'s values.</summary>
    public HclType NodeType()
    {
        var attrs = new List<KeyValuePair<string, HclType>> { new("name", HclType.String) };
        foreach (var a in Schema.NodeAttributes)
        {
            if (a != "name" && InstanceType.HasAttribute(a))
                attrs.Add(new(a, InstanceType.AttributeType(a)));
        }
        return HclType.Object(attrs);
    }

    /// <summary>The pool object references see.</summary>
    public HclValue PoolValue(IReadOnlyDictionary<InstanceKey, HclValue> instances)
    {
        var nodes = instances
            .Where(kv => kv.Key.Kind == InstanceKeyKind.String)
            .OrderBy(kv => PoolExpander.NumberOf(kv.Key.Text!) ?? long.MaxValue)
            .ThenBy(kv => kv.Key.Text, StringComparer.Ordinal)
            .Select(kv => NodeObject(kv.Key.Text!, kv.Value))
            .ToList();
        var list = HclValue.ListOf(NodeType(), nodes);
        if (Config.IsNull || !Config.IsKnown)
            return HclValue.Object(("nodes", list));
        var attrs = new List<KeyValuePair<string, HclValue>>();
        foreach (var kv in Config.Attributes)
        {
            if (kv.Key != "nodes")
                attrs.Add(kv);
        }
        attrs.Add(new("nodes", list));
        return HclValue.Object(attrs);
    }

    /// <summary>The hash of the template arguments' values; null when one of them is not known yet.</summary>
    public static string? TemplateHash(HclValue config, NodePoolSchema schema)
    {
        var plain = config.UnmarkDeep().Value;
        var sb = new StringBuilder();
        foreach (var name in schema.TemplateAttributes)
        {
            var v = plain.Type.HasAttribute(name) ? plain.GetAttribute(name) : HclValue.Null;
            if (!v.IsWhollyKnown)
                return null;
            sb.Append(name).Append('=').Append(v.IsNull ? "null" : HclJson.ToJson(v)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())).AsSpan(0, 8));
    }
}
