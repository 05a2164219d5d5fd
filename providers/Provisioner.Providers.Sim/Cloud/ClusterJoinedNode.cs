namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A node joined to a simulated cluster.</summary>
/// <param name="Ready">Its machine exists and is not dead (the kubelet reports Ready).</param>
public sealed record ClusterJoinedNode(
    string Cluster,
    string Node,
    string Machine,
    IReadOnlyList<string> Roles,
    string Version,
    bool ControlPlane,
    bool Cordoned,
    bool Drained,
    bool Ready,
    DateTimeOffset JoinedAt);
