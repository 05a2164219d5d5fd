namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// One line of <c>cluster.jsonl</c>, the simulated node software's log beside the machine inventory: an etcd member
/// added or removed, a node joined, cordoned, drained, upgraded or gone, an incident, or a failure knob set.
/// </summary>
/// <param name="Op">What happened (see <see cref="ClusterOps"/>).</param>
/// <param name="Cluster">The cluster id (empty for knobs, which belong to nodes).</param>
/// <param name="Node">The node's name (its identity).</param>
/// <param name="Machine">The machine id behind the node.</param>
/// <param name="At">When the simulated software recorded it.</param>
/// <param name="Version">Kubernetes version (join, upgrade).</param>
/// <param name="Roles">The node's roles (join).</param>
/// <param name="Incident">The incident kind (op <c>incident</c>), see <see cref="ClusterIncidentKinds"/>.</param>
/// <param name="Detail">Words for people (incidents).</param>
/// <param name="Count">Knob: how many joins fail.</param>
/// <param name="DelayMs">Knob: how long a drain takes.</param>
/// <param name="Key">Knob: what armed it (a <c>failure</c> block of a <c>sim_node_pool</c>: the machine and the value),
/// so that applying the same configuration again does not re-arm it; null for knobs set through the API.</param>
/// <param name="LoadBalancer">The load balancer in front of the cluster's API endpoint when the node joined or started
/// its control plane (join, control plane), if there is one.</param>
internal sealed record ClusterRecord(
    string Op,
    string Cluster,
    string Node,
    string? Machine,
    DateTimeOffset At,
    string? Version = null,
    IReadOnlyList<string>? Roles = null,
    string? Incident = null,
    string? Detail = null,
    int? Count = null,
    long? DelayMs = null,
    string? LoadBalancer = null,
    string? Key = null);
