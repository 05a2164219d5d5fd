namespace Provisioner.Sdk.Schema;

/// <summary>The schema of one resource or data source type (<c>sim_machine</c>), with a version for state upgrades.</summary>
public sealed record ResourceSchema(string TypeName, BlockSchema Block, int Version = 0)
{
    public string Description { get; init; } = "";

    /// <summary>
    /// Set when this resource type is a node pool (decision 0006 §1): each instance is one machine keyed
    /// <c>"&lt;pool name&gt;-&lt;n&gt;"</c>, chosen by the engine from the quantity and rollout settings. Null for
    /// ordinary resources.
    /// </summary>
    public NodePoolSchema? NodePool { get; init; }

    /// <summary>
    /// Set when this resource type takes nodes (a load balancer's targets, a cluster's nodes) and the engine should
    /// synthesize one member instance per node (decision 0006 §2). Null for ordinary resources.
    /// </summary>
    public MemberSchema? Members { get; init; }
}
