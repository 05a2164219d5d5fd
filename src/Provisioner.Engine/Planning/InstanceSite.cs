using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning;

/// <summary>Where a planned instance came from, so the executor can evaluate its configuration again with final values.</summary>
internal sealed record InstanceSite(
    ModuleScope Scope,
    Resource Resource,
    ConfigVertex Vertex,
    InstanceKey Key,
    HclValue? EachValue,
    ProviderHandle Provider,
    ResourceSchema Schema)
{
    /// <summary>Set for a node of a pool: the values the engine writes into its configuration.</summary>
    public Pools.PoolNodeSite? PoolNode { get; init; }

    /// <summary>Set for a member instance: its configuration is built from its parent and its node.</summary>
    public Pools.MemberSite? Member { get; init; }

    /// <summary>Set for a resource that has members: its node list is planned as <see cref="Pools.MemberViews.ParentConfig"/> shows it.</summary>
    public MemberSchema? NodesOf { get; init; }
}
