using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Sim;

/// <summary>The <c>failure</c> blocks of <c>sim_node_pool</c>: failure knobs of the simulated node software set from
/// the configuration (<see cref="NodeSoftwareKnobs"/>).</summary>
public sealed partial class SimProvider
{
    private const long MaxSlowDrainMs = 24L * 3600 * 1000;
    private const int MaxFailJoinTimes = 1_000_000;

    /// <summary>One <c>failure</c> block: the nodes it names (null: every node) and its knobs (null: not set).</summary>
    private sealed record FailureBlock(IReadOnlyList<string>? Nodes, int? FailJoinTimes, long? SlowDrainMs);

    private static void ValidateFailures(HclValue config, List<ProviderDiagnostic> diags)
    {
        if (!config.Type.HasAttribute("failure") || config.GetAttribute("failure") is not { IsKnown: true, IsNull: false } blocks)
            return;
        var path = AttributePath.Attr("failure");
        foreach (var b in blocks.Elements)
        {
            if (!b.IsKnown || b.IsNull)
                continue;
            if (b.GetAttribute("nodes") is { IsWhollyKnown: true, IsNull: false } nodes)
            {
                foreach (var n in nodes.Elements)
                {
                    if (n.IsNull || string.IsNullOrWhiteSpace(n.AsString()))
                        diags.Add(ProviderDiagnostic.Error("Invalid failure nodes", "failure.nodes names nodes of the pool (\"<name>-<n>\"); a name must not be empty.", path));
                }
            }
            CheckWhole(b, "fail_join_times", MaxFailJoinTimes, diags, path);
            CheckWhole(b, "slow_drain_ms", MaxSlowDrainMs, diags, path);
        }
    }

    private static void CheckWhole(HclValue block, string name, long max, List<ProviderDiagnostic> diags, AttributePath path)
    {
        var v = block.GetAttribute(name);
        if (!v.IsKnown || v.IsNull)
            return;
        if (!v.AsNumber().TryToLong(out var n) || n < 0 || n > max)
            diags.Add(ProviderDiagnostic.Error($"Invalid failure {name}", $"failure.{name} must be a whole number between 0 and {max}; got {v.AsNumber()}.", path));
    }

    /// <summary>The <c>failure</c> blocks of a node's value (empty when there are none).</summary>
    private static List<FailureBlock> FailuresOf(HclValue node)
    {
        var result = new List<FailureBlock>();
        if (node.IsNull || !node.IsKnown || !node.Type.HasAttribute("failure"))
            return result;
        var blocks = node.GetAttribute("failure").UnmarkDeep().Value;
        if (!blocks.IsKnown || blocks.IsNull)
            return result;
        foreach (var b in blocks.Elements)
        {
            if (!b.IsKnown || b.IsNull)
                continue;
            var nodes = b.GetAttribute("nodes");
            IReadOnlyList<string>? names = nodes.IsKnown && !nodes.IsNull
                ? [.. nodes.Elements.Where(e => e.IsKnown && !e.IsNull).Select(e => e.AsString())]
                : null;
            result.Add(new FailureBlock(names, Int(b, "fail_join_times"), Whole(b, "slow_drain_ms")));
        }
        return result;
    }

    private static long? Whole(HclValue obj, string name)
    {
        var v = obj.GetAttribute(name);
        return v.IsKnown && !v.IsNull && v.AsNumber().TryToLong(out var n) ? n : null;
    }

    /// <summary>
    /// After a node's machine was created or updated: sets its failure knobs from the planned <c>failure</c> blocks
    /// (the last block naming the node wins, knob by knob). Nothing happens, and the node software is not even
    /// looked at, when neither the prior nor the planned value has failure blocks. A knob is recorded only when it
    /// changed for this machine, so an apply that retries a failed join does not re-arm it.
    /// </summary>
    private void ArmFailures(HclValue prior, HclValue planned, string node, string machineId, CancellationToken ct)
    {
        var blocks = FailuresOf(planned);
        if (blocks.Count == 0 && FailuresOf(prior).Count == 0)
            return;
        int? failJoins = null;
        long? slowDrain = null;
        foreach (var b in blocks)
        {
            if (b.Nodes is { } names && !names.Contains(node, StringComparer.Ordinal))
                continue;
            failJoins = b.FailJoinTimes ?? failJoins;
            slowDrain = b.SlowDrainMs ?? slowDrain;
        }
        NodeSoftwareKnobs.ApplyConfigured(_cloud!.Directory, node, machineId, failJoins, slowDrain, _time, ct);
    }
}
