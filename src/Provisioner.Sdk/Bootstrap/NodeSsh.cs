namespace Provisioner.Sdk.Bootstrap;

/// <summary>SSH settings for drivers that use SSH (the node's own, or the cluster's defaults).</summary>
public sealed record NodeSsh(string? User = null, string? PrivateKeyFile = null, int Port = 22, string? Bastion = null);
