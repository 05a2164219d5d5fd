using Provisioner.Hcl;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary>The <c>lifecycle { }</c> block of a resource (empty when absent).</summary>
public sealed record ResourceLifecycle(
    bool CreateBeforeDestroy,
    bool CreateBeforeDestroySet,
    bool PreventDestroy,
    bool IgnoreAllChanges,
    IReadOnlyList<Traversal> IgnoreChanges,
    IReadOnlyList<IHclExpression> ReplaceTriggeredBy,
    IReadOnlyList<CheckRule> Preconditions,
    IReadOnlyList<CheckRule> Postconditions)
{
    public static ResourceLifecycle Empty { get; } = new(false, false, false, false, [], [], [], []);
}
