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
    /// The parent's object as its members see it: <see cref="MemberSchema.NodesAttribute"/> and
    /// <see cref="MemberSchema.NodeDerivedAttributes"/> null, every other attribute (and its marks) as it is.
    /// </summary>
    public static HclValue ParentForMembers(HclValue parent, MemberSchema ms)
    {
        if (!parent.IsKnown || parent.IsNull || !parent.Type.IsObject)
            return parent;
        var (plain, marks) = parent.Unmark();
        var attrs = new List<KeyValuePair<string, HclValue>>(plain.Attributes.Count);
        foreach (var kv in plain.Attributes)
        {
            // The node list's type changes with its length (a tuple) or its content: its null is untyped, so the
            // member's view stays the same whatever the list holds.
            if (kv.Key == ms.NodesAttribute)
                attrs.Add(new(kv.Key, HclValue.Null));
            else
                attrs.Add(ms.NodeDerivedAttributes.Contains(kv.Key) ? new(kv.Key, HclValue.NullOf(kv.Value.Type)) : kv);
        }
        return HclValue.Object(attrs).WithMarks(marks);
    }
}
