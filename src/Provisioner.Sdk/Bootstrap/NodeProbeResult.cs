namespace Provisioner.Sdk.Bootstrap;

/// <summary>The answer to a probe.</summary>
/// <param name="Step">Success, or why the node is unreachable or its host key differs from the pinned one.</param>
/// <param name="HostKey">The host key the node presented (null when it could not be reached).</param>
public sealed record NodeProbeResult(NodeStepResult Step, string? HostKey);
