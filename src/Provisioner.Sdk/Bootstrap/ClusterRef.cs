namespace Provisioner.Sdk.Bootstrap;

/// <summary>The cluster a node step belongs to, with the settings the node software needs.</summary>
/// <param name="Id">The cluster's stable id (what the node software groups etcd members and nodes by).</param>
/// <param name="Name">The cluster's name, for messages.</param>
/// <param name="ApiEndpoint">Where nodes reach the API (a load balancer address, <c>host:port</c> or URL).</param>
/// <param name="KubernetesVersion">The version to run (the template's <c>kubernetes_version</c>).</param>
/// <param name="NetworkPlugin">The CNI (<c>canal</c> by default).</param>
/// <param name="Artifacts">Where runtime and Kubernetes packages come from (null: the node's package manager).</param>
/// <param name="PrivateRegistry">Registry images are pulled from (null: the public ones).</param>
/// <param name="CaCertificatePem">The cluster CA certificate nodes trust.</param>
public sealed record ClusterRef(
    string Id,
    string Name,
    string ApiEndpoint,
    string KubernetesVersion,
    string NetworkPlugin = "canal",
    string? Artifacts = null,
    string? PrivateRegistry = null,
    string? CaCertificatePem = null);
