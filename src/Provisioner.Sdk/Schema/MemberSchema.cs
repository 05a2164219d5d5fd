namespace Provisioner.Sdk.Schema;

/// <summary>
/// Declares that a resource type takes nodes and has a member type (decision 0006 §2): for each resource
/// <c>T.x</c> of this type the engine synthesizes resource <c>&lt;MemberType&gt;.x</c> with one instance per element
/// of the <see cref="NodesAttribute"/> list, keyed by the node's <c>name</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each member instance's configuration object is <c>{ parent = &lt;T.x's object&gt;, node = &lt;the node object&gt; }</c>,
/// where the parent object has its <see cref="NodesAttribute"/> and its <see cref="NodeDerivedAttributes"/> set to
/// null (so member objects stay small with thousands of nodes, and adding a node changes no existing member); the
/// member type is an ordinary resource type of the same provider whose schema has the attributes <c>parent</c> and
/// <c>node</c> (dynamic) plus what the provider computes.
/// </para>
/// <para>
/// The provider of <c>T</c> itself sees only a plan-time view of the node list: the engine plans and applies
/// <c>T.x</c> with each element of its <see cref="NodesAttribute"/> reduced to <c>name</c> and the
/// <see cref="ParentNodeAttributes"/> (null when that list is empty; declare the attribute <c>Optional</c>), and
/// <c>T.x</c> does not wait for the pools it takes nodes from; every per-node effect (register, join, leave) belongs
/// to the member instances, which are re-planned at apply time with the node's final values (id, address).
/// </para>
/// <para>
/// Edges: <c>M.x[K]</c> depends on <c>T.x</c> and on the pool instance keyed <c>K</c>; for the same node <c>K</c>,
/// members of a lower <see cref="Stage"/> come first (a load-balancer target is stage 0, a cluster node stage 1).
/// Deletes run the reversed edges, so a member leaves before its machine is destroyed.
/// </para>
/// <para>
/// <see cref="SerialGroups"/> chain the member instances: a member belongs to the first group whose
/// <see cref="MemberSerialGroup.Role"/> is among its node's roles (members matching no group are not chained). Within a
/// group, members are taken in node-key order and cut into batches; every member of a batch depends on every member
/// of the previous batch, and the first batch of a group depends on the last batch of the previous non-empty group.
/// For a cluster: <c>[new("etcd"), new("controlplane"), new("worker") { BatchSizeAttribute =
/// AttributePath.Attr("upgrade_strategy").ThenAttr("max_unavailable_worker") }]</c> gives etcd members one at a
/// time, then control-plane members one at a time, then workers in batches of the parent's
/// <c>upgrade_strategy.max_unavailable_worker</c>.
/// </para>
/// </remarks>
/// <param name="MemberType">The resource type name of the members (<c>sim_load_balancer_target</c>, <c>cluster_rke_node</c>).</param>
/// <param name="NodesAttribute">The argument of this resource holding the list of node objects (<c>targets</c>, <c>nodes</c>).</param>
/// <param name="Stage">Order among the member types of the same node: lower stages join first and leave last.</param>
public sealed record MemberSchema(string MemberType, string NodesAttribute, int Stage)
{
    /// <summary>Chains of members that must change in order (empty: members are independent of each other).</summary>
    public IReadOnlyList<MemberSerialGroup> SerialGroups { get; init; } = [];

    /// <summary>
    /// True when members with the <c>etcd</c> role form a quorum the planner must protect (decision 0006 §3): a plan
    /// that would lose quorum is refused with an error naming the nodes.
    /// </summary>
    public bool EtcdQuorum { get; init; }

    /// <summary>
    /// The node attributes the provider of the parent sees in its own <see cref="NodesAttribute"/>, besides <c>name</c>
    /// (e.g. <c>["roles"]</c>, for HA checks and an <c>etcd_members</c> list). Use only attributes known at plan time
    /// (a pool's arguments: roles, labels, taints): the parent does not wait for the machines, so an id or an address
    /// is unknown when it is planned and applied. Empty (the default): the parent sees null.
    /// </summary>
    public IReadOnlyList<string> ParentNodeAttributes { get; init; } = [];

    /// <summary>
    /// Attributes of the parent computed from its node list (e.g. <c>etcd_members</c>): members see them null, like
    /// the node list itself, so adding or removing a node plans no update of the other members.
    /// </summary>
    public IReadOnlyList<string> NodeDerivedAttributes { get; init; } = [];

    /// <summary>
    /// True when a member whose create fails but returns a new state (e.g. a join that stopped at a bootstrap step,
    /// recorded in a <c>phase</c> attribute) is recorded as it is, not tainted: the next plan is an update of that
    /// object, from which the provider resumes at the failed step, instead of a replacement. Without it, a failed
    /// create is tainted and replaced, as for any resource.
    /// </summary>
    public bool ResumeFailedCreate { get; init; }
}
