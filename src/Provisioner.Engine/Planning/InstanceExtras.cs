using Provisioner.Engine.Planning.Pools;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning;

/// <summary>What planning one instance needs beyond the ordinary: pool node and member sites, a prior value already read, a reason in words.</summary>
internal sealed record InstanceExtras
{
    public PoolNodeSite? PoolNode { get; init; }

    public MemberSite? Member { get; init; }

    /// <summary>Set for a resource that has members: its node list is planned as <see cref="Pools.MemberViews.ParentConfig"/> shows it.</summary>
    public MemberSchema? NodesOf { get; init; }

    /// <summary>True for a member whose node's machine is replaced: the member is replaced too (leaves before, joins after).</summary>
    public bool ReplaceBecauseMachine { get; init; }

    /// <summary>The reason text for the chosen action (null: none).</summary>
    public Func<ChangeAction, string?>? ReasonText { get; init; }

    /// <summary>True when <see cref="Prior"/> is the prior value (already read from state and refresh; null = none).</summary>
    public bool HasPrior { get; init; }

    public HclValue? Prior { get; init; }
}
