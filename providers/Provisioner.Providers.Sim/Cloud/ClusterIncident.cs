namespace Provisioner.Providers.Sim.Cloud;

/// <summary>An ordering violation the simulated node software saw.</summary>
/// <param name="Kind">See <see cref="ClusterIncidentKinds"/>.</param>
/// <param name="Cluster">The cluster id.</param>
/// <param name="Node">The node's name (empty when the incident is about the cluster).</param>
/// <param name="Machine">The machine id, when known.</param>
/// <param name="Detail">What happened, in words.</param>
public sealed record ClusterIncident(string Kind, string Cluster, string Node, string? Machine, DateTimeOffset At, string Detail);
