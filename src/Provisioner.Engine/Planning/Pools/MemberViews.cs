using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning.Pools;

/// <summary>
/// The two views of a resource that has members (decision 0006, "the parent sees its nodes"): what its own provider
/// sees of its node list (names and plan-known attributes), and what its members see of it (neither the node list
/// nor what is derived from it, so one node more changes no other member).
/// </summary>
internal static class MemberViews
{
    /// <summary>
    /// The parent's configuration with its node list reduced to <c>name</c> and
    /// <see cref="MemberSchema.ParentNodeAttributes"/> per node (null when that list is empty).
    /// </summary>
    public static HclValue ParentConfig(HclValue config, MemberSchema ms)
    {
        if (!config.IsKnown || config.IsNull || !config.Type.IsObject || !config.Type.HasAttribute(ms.NodesAttribute))
            return config;
        var (plain, marks) = config.Unmark();
        var attrs = new List<KeyValuePair<string, HclValue>>(plain.Attributes.Count);
        foreach (var kv in plain.Attributes)
        {
            attrs.Add(kv.Key == ms.NodesAttribute
                ? new(kv.Key, ms.ParentNodeAttributes.Count == 0 ? HclValue.NullOf(kv.Value.Type) : NodeList(kv.Value, ms.ParentNodeAttributes))
                : kv);
        }
        return HclValue.Object(attrs).WithMarks(marks);
    }

    /// <summary>The node list reduced to <c>name</c> and <paramref name="keep"/>; a list when the elements agree on a type, else a tuple.</summary>
    internal static HclValue NodeList(HclValue nodes, IReadOnlyList<string> keep)
    {
        var (plain, marks) = nodes.UnmarkDeep();
        if (!plain.IsKnown || plain.IsNull || !plain.Type.IsSequence)
            return nodes;
        var elements = new List<HclValue>(plain.Elements.Count);
        foreach (var n in plain.Elements)
        {
            if (!n.IsKnown || n.IsNull || !n.Type.IsObject)
            {
                elements.Add(n);
                continue;
            }
            var attrs = new List<KeyValuePair<string, HclValue>>(keep.Count + 1);
            if (n.Type.HasAttribute("name"))
                attrs.Add(new("name", n.GetAttribute("name")));
            foreach (var a in keep)
            {
                if (a != "name" && n.Type.HasAttribute(a))
                    attrs.Add(new(a, n.GetAttribute(a)));
            }
            elements.Add(HclValue.Object(attrs));
        }
        HclValue list;
        if (elements.Count == 0)
            list = HclValue.Tuple();
        else if (elements.All(e => e.Type.Equals(elements[0].Type)) && !elements[0].Type.IsDynamic)
            list = HclValue.ListOf(elements[0].Type, elements);
        else
            list = HclValue.Tuple(elements);
        return marks.IsEmpty ? list : list.WithMarks(marks);
    }

    /// <summary>
    /// The parent's object as its members see it: with <see cref="MemberSchema.ParentAttributes"/> declared, only those
    /// attributes; otherwise every attribute, with <see cref="MemberSchema.NodesAttribute"/> and
    /// <see cref="MemberSchema.NodeDerivedAttributes"/> null. Sensitive values are null either way.
    /// </summary>
    public static HclValue ParentForMembers(HclValue parent, MemberSchema ms)
    {
        if (!parent.IsKnown || parent.IsNull || !parent.Type.IsObject)
            return parent;
        var (plain, marks) = parent.Unmark();
        var attrs = new List<KeyValuePair<string, HclValue>>(ms.ParentAttributes?.Count ?? plain.Attributes.Count);
        if (ms.ParentAttributes is { } keep)
        {
            foreach (var name in keep)
            {
                if (name != ms.NodesAttribute && plain.Attributes.TryGetValue(name, out var value))
                    attrs.Add(new(name, ms.NodeDerivedAttributes.Contains(name) ? HclValue.NullOf(value.Type) : WithoutSensitive(value)));
            }
        }
        else
        {
            foreach (var kv in plain.Attributes)
            {
                // The node list's type changes with its length (a tuple) or its content: its null is untyped, so the
                // member's view stays the same whatever the list holds.
                if (kv.Key == ms.NodesAttribute)
                    attrs.Add(new(kv.Key, HclValue.Null));
                else
                    attrs.Add(new(kv.Key, ms.NodeDerivedAttributes.Contains(kv.Key) ? HclValue.NullOf(kv.Value.Type) : WithoutSensitive(kv.Value)));
            }
        }
        // Its secrets are gone: the object as a whole is no secret (an object recorded before marked it as one).
        return HclValue.Object(attrs).WithMarks(marks.Remove(HclMarks.Sensitive));
    }

    /// <summary>
    /// The node object as members see it: <c>name</c> and <see cref="MemberSchema.NodeAttributes"/> when declared,
    /// else every attribute but <paramref name="readyAttribute"/> (the pool's health attribute; null when the node
    /// does not come from a pool).
    /// </summary>
    public static HclValue NodeForMembers(HclValue node, MemberSchema ms, string? readyAttribute)
    {
        if (!node.IsKnown || node.IsNull || !node.Type.IsObject)
            return node;
        var (plain, marks) = node.Unmark();
        var attrs = new List<KeyValuePair<string, HclValue>>(plain.Attributes.Count);
        foreach (var kv in plain.Attributes)
        {
            // The serial chain and the quorum check read the members' roles.
            var keep = ms.NodeAttributes is { } list
                ? kv.Key == "name" || list.Contains(kv.Key) || (kv.Key == "roles" && (ms.SerialGroups.Count > 0 || ms.EtcdQuorum))
                : kv.Key != readyAttribute;
            if (keep)
                attrs.Add(kv);
        }
        return attrs.Count == plain.Attributes.Count ? node : HclValue.Object(attrs).WithMarks(marks);
    }

    /// <summary>
    /// A member object recorded before its views were narrowed (a whole parent with its kubeconfig, a node with its
    /// health): its <c>parent</c> and <c>node</c> reduced as <see cref="ParentForMembers"/> and
    /// <see cref="NodeForMembers"/> reduce them, so it plans no change for what its provider never reads. Attributes
    /// the view has and the record lacks stay absent (the provider plans an update for those, as for any change).
    /// </summary>
    public static HclValue RecordedForMembers(HclValue member, MemberSchema ms, string? readyAttribute)
    {
        if (!member.IsKnown || member.IsNull || !member.Type.IsObject)
            return member;
        var (plain, marks) = member.Unmark();
        var attrs = new List<KeyValuePair<string, HclValue>>(plain.Attributes.Count);
        var changed = false;
        foreach (var kv in plain.Attributes)
        {
            var value = kv.Key switch
            {
                "parent" => ParentForMembers(kv.Value, ms),
                "node" => NodeForMembers(kv.Value, ms, readyAttribute),
                _ => kv.Value,
            };
            changed |= !ReferenceEquals(value, kv.Value);
            attrs.Add(new(kv.Key, value));
        }
        return changed ? HclValue.Object(attrs).WithMarks(marks) : member;
    }

    /// <summary><paramref name="value"/> with every part marked sensitive replaced by an unmarked null of its type.</summary>
    internal static HclValue WithoutSensitive(HclValue value)
    {
        if (value.IsSensitive)
            return HclValue.NullOf(value.Type);
        if (!value.IsKnown || value.IsNull || !value.ContainsMarks())
            return value;
        var (plain, marks) = value.Unmark();
        var t = plain.Type;
        HclValue rebuilt;
        if (t.IsObject)
            rebuilt = HclValue.Object(plain.Attributes.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, WithoutSensitive(kv.Value))).ToList());
        else if (t.IsMap)
            rebuilt = HclValue.MapOf(t.ElementType, plain.Attributes.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, WithoutSensitive(kv.Value))).ToList());
        else if (t.IsList)
            rebuilt = HclValue.ListOf(t.ElementType, plain.Elements.Select(WithoutSensitive).ToList());
        else if (t.IsSet)
            rebuilt = HclValue.SetOf(t.ElementType, plain.Elements.Select(WithoutSensitive).ToList());
        else if (t.IsTuple)
            rebuilt = HclValue.Tuple(plain.Elements.Select(WithoutSensitive).ToList());
        else
            return value;
        return marks.IsEmpty ? rebuilt : rebuilt.WithMarks(marks);
    }
}
