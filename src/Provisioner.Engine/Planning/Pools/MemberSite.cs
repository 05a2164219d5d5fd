using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning.Pools;

/// <summary>
/// Where a member instance's configuration comes from: <c>{ parent = &lt;the parent's object&gt;, node = &lt;the node
/// object&gt; }</c>, both read from the current values (so at apply time the node's id and address are known); the
/// parent as <see cref="MemberViews.ParentForMembers"/> shows it (without its node list).
/// </summary>
/// <param name="Parent">The resource that has the members (<c>sim_load_balancer.api</c>).</param>
/// <param name="Members">Its member declaration.</param>
/// <param name="NodeKey">The node's name (the member's key).</param>
/// <param name="PoolValues">The values of the pool the node belongs to, when it comes from a pool in the same module.</param>
/// <param name="PlannedNode">The node object as the parent's list held it when planned (used when no pool is found).</param>
internal sealed record MemberSite(Resource Parent, MemberSchema Members, string NodeKey, RepeatedValues? PoolValues, HclValue PlannedNode)
{
    public HclValue Build(ModuleScope scope)
    {
        var parent = scope.Resources.TryGetValue(Parent.Address, out var pv) && pv.Instances.TryGetValue(InstanceKey.None, out var p)
            ? MemberViews.ParentForMembers(p, Members)
            : HclValue.DynamicVal;
        var node = PlannedNode;
        if (PoolValues?.Pool is { } shape && PoolValues.Instances.TryGetValue(InstanceKey.String(NodeKey), out var inst))
            node = shape.NodeObject(NodeKey, inst);
        // Marks stay: a sensitive attribute of the parent (a kubeconfig) keeps the member's parent sensitive.
        return HclValue.Object(("parent", parent), ("node", node));
    }
}
