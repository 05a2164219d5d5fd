using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Events;
using Provisioner.Engine.Graph;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.State;

namespace Provisioner.Engine.Execution;

/// <summary>
/// Runs a plan, and only the plan: one step per create, update, delete or deferred read, ordered by the changes'
/// dependencies (creates after what they depend on, deletes before it), at most <c>-parallelism</c> provider calls
/// in flight and never more than a provider's own limit. A failed step stops its dependants and lets independent
/// work finish; a failed create that left an object behind is recorded as tainted. The executor writes no files:
/// results go into the working state and out as events (the state layer persists and journals them).
/// </summary>
public static class Executor
{
    public static async Task<ApplyOutcome> ApplyAsync(PlanOutcome planned, ApplyOptions options, CancellationToken stopScheduling, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(options);
        var plan = planned.Plan ?? throw new InvalidOperationException("cannot apply a plan that failed");
        var run = new ExecutorRun(planned.Walk, plan, options);
        return await run.RunAsync(stopScheduling, abort).ConfigureAwait(false);
    }

    /// <summary>
    /// The deterministic idempotency token of a mutating call: a digest of the state lineage, the instance address
    /// (and deposed id), the kind of call and the object's generation. A retried or recovered call sends the same
    /// token, so a provider never creates a second object for it.
    /// </summary>
    public static string IdempotencyToken(string lineage, string address, string? deposed, ChangeKind kind, long generation)
    {
        var text = $"{lineage}\n{address}\n{deposed}\n{kind}\n{generation}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "pv-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
