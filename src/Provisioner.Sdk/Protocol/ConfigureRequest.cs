using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>The evaluated <c>provider</c> block, and where the configuration lives (for relative paths).</summary>
public sealed record ConfigureRequest(HclValue Config, string WorkingDirectory);
