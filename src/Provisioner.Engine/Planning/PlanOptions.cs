using Provisioner.Engine.Addresses;

namespace Provisioner.Engine.Planning;

/// <summary>The knobs of one plan (<c>-destroy</c>, <c>-refresh=false</c>, <c>-refresh-only</c>, <c>-target</c>, <c>-replace</c>).</summary>
/// <param name="Targets">Only these resources (or module instances, or instances), plus what they depend on.</param>
/// <param name="Replace">Instances to replace even if unchanged.</param>
public sealed record PlanOptions(
    PlanMode Mode = PlanMode.Normal,
    bool Refresh = true,
    IReadOnlyList<ParsedAddress>? Targets = null,
    IReadOnlyList<ResourceInstanceAddress>? Replace = null)
{
    public IReadOnlyList<ParsedAddress> TargetList => Targets ?? [];

    public IReadOnlyList<ResourceInstanceAddress> ReplaceList => Replace ?? [];
}
