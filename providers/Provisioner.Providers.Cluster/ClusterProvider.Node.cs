using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Cluster;

/// <summary><c>cluster_rke_node</c>: one node's join, upgrade and leave, step by step through its node driver.</summary>
internal sealed partial class ClusterProvider
{
    private static PlanResult PlanNode(PlanRequest request)
    {
        var (plain, marks) = request.ProposedNewState.UnmarkDeepWithPaths();
        var parent = ClusterValues.Get(plain, "parent");
        var node = ClusterValues.Get(plain, "node");
        var prior = request.PriorState.UnmarkDeep().Value;
        var clusterId = ClusterValues.Str(parent, "id");
        var name = ClusterValues.Str(node, "name");
        var id = clusterId is not null && name is not null ? HclValue.String($"{clusterId}/{name}") : HclValue.UnknownOf(HclType.String);
        var version = ClusterValues.Get(parent, "kubernetes_version");
        if (version.IsNull)
            version = HclValue.UnknownOf(HclType.String);
        var etcd = ClusterValues.IsUnknown(node, "roles") ? HclValue.UnknownOf(HclType.Bool) : HclValue.Bool(ClusterValues.Strings(node, "roles").Contains(NodeRoles.Etcd));

        var replace = new List<AttributePath>();
        if (!prior.IsNull)
        {
            var priorParent = ClusterValues.Get(prior, "parent");
            var priorNode = ClusterValues.Get(prior, "node");
            // Another cluster, or another machine under the same node name: leave and join again.
            if (clusterId != ClusterValues.Str(priorParent, "id"))
                replace.Add(AttributePath.Attr("parent").ThenAttr("id"));
            if (ClusterValues.Str(node, "id") != ClusterValues.Str(priorNode, "id"))
                replace.Add(AttributePath.Attr("node").ThenAttr("id"));
        }
        var planned = ClusterValues.With(plain,
            ("id", replace.Count == 0 && !prior.IsNull ? ClusterValues.Get(prior, "id") : id),
            ("phase", HclValue.String(NodePhases.Ready)),
            ("kubernetes_version", version),
            ("etcd_member", etcd));
        return new PlanResult(planned.MarkWithPaths(marks), replace, request.PriorPrivate, []);
    }

    private async Task<ApplyResult> ApplyNodeAsync(ApplyRequest request, CancellationToken ct)
    {
        var deleting = request.PlannedState.IsNull;
        var current = (deleting ? request.PriorState : request.PlannedState).UnmarkDeep().Value;
        var (plain, marks) = (deleting ? request.PriorState : request.PlannedState).UnmarkDeepWithPaths();
        var ctx = NodeContext(current);
        if (ctx.Error is { } error)
            return new ApplyResult(deleting ? request.PriorState : HclValue.NullOf(request.PlannedState.Type), request.PlannedPrivate,
                [ProviderDiagnostic.Error("Cannot reach the node software", error, AttributePath.Attr("node").ThenAttr("bootstrap"))]);
        var (driver, cluster, target) = (ctx.Driver!, ctx.Cluster!, ctx.Target!);

        if (deleting)
        {
            var (phase, failure) = await LeaveAsync(driver, cluster, target, ct).ConfigureAwait(false);
            if (failure is null)
                return new ApplyResult(HclValue.NullOf(request.PriorState.Type), null, []);
            return new ApplyResult(ClusterValues.With(plain, ("phase", HclValue.String(phase))).MarkWithPaths(marks), request.PlannedPrivate,
                [ProviderDiagnostic.Error($"Node {target.Name} could not leave cluster {cluster.Name} ({phase})", failure)]);
        }

        var prior = request.PriorState.UnmarkDeep().Value;
        var priorPhase = prior.IsNull ? null : ClusterValues.Str(prior, "phase");
        var (reached, err) = (NodePhases.Ready, (string?)null);
        if (prior.IsNull || priorPhase != NodePhases.Ready)
            (reached, err) = await JoinAsync(driver, cluster, target, ct).ConfigureAwait(false);
        if (err is null && !prior.IsNull && ClusterValues.Str(prior, "kubernetes_version") is { } from && from != cluster.KubernetesVersion)
        {
            var drain = ClusterValues.Bool(ClusterValues.Get(ClusterValues.Get(current, "parent"), "upgrade_strategy"), "drain") ?? true;
            var upgraded = await driver.UpgradeAsync(cluster, target, cluster.KubernetesVersion, drain, ct).ConfigureAwait(false);
            if (!upgraded.Succeeded)
                (reached, err) = (NodePhases.Upgrade, upgraded.Error);
        }
        var version = err is not null && !prior.IsNull ? ClusterValues.Get(prior, "kubernetes_version") : HclValue.String(cluster.KubernetesVersion);
        if (version.IsNull)
            version = HclValue.String(cluster.KubernetesVersion);
        var state = ClusterValues.With(plain,
            ("id", HclValue.String($"{cluster.Id}/{target.Name}")),
            ("phase", HclValue.String(reached)),
            ("kubernetes_version", version)).MarkWithPaths(marks);
        if (err is null)
            return new ApplyResult(state, request.PlannedPrivate, []);
        return new ApplyResult(state, request.PlannedPrivate, [ProviderDiagnostic.Error(
            $"Node {target.Name} stopped at bootstrap step \"{reached}\"",
            $"{err} Its machine is left as it is; the next apply resumes at this step.")]);
    }

    /// <summary>probe → runtime → etcd member (etcd role) → control plane (controlplane role) → join. Every step is
    /// idempotent, so a resumed join repeats the done ones cheaply. Answers the phase reached and the error, if any.</summary>
    private static async Task<(string Phase, string? Error)> JoinAsync(INodeDriver d, ClusterRef c, NodeTarget n, CancellationToken ct)
    {
        var probe = await d.ProbeAsync(c, n, ct).ConfigureAwait(false);
        if (!probe.Step.Succeeded)
            return (NodePhases.Probe, probe.Step.Error);
        var runtime = await d.InstallRuntimeAsync(c, n, ct).ConfigureAwait(false);
        if (!runtime.Succeeded)
            return (NodePhases.Runtime, runtime.Error);
        if (n.HasRole(NodeRoles.Etcd))
        {
            var etcd = await d.AddEtcdMemberAsync(c, n, ct).ConfigureAwait(false);
            if (!etcd.Succeeded)
                return (NodePhases.Etcd, etcd.Error);
        }
        if (n.HasRole(NodeRoles.ControlPlane))
        {
            var cp = await d.StartControlPlaneAsync(c, n, ct).ConfigureAwait(false);
            if (!cp.Succeeded)
                return (NodePhases.ControlPlane, cp.Error);
        }
        var join = await d.JoinAsync(c, n, ct).ConfigureAwait(false);
        return join.Succeeded ? (NodePhases.Ready, null) : (NodePhases.Join, join.Error);
    }

    /// <summary>cordon and drain → etcd member removed (etcd role) → leave.</summary>
    private static async Task<(string Phase, string? Error)> LeaveAsync(INodeDriver d, ClusterRef c, NodeTarget n, CancellationToken ct)
    {
        var drain = await d.CordonDrainAsync(c, n, drain: true, ct).ConfigureAwait(false);
        if (!drain.Succeeded)
            return (NodePhases.Drain, drain.Error);
        if (n.HasRole(NodeRoles.Etcd))
        {
            var etcd = await d.RemoveEtcdMemberAsync(c, n, ct).ConfigureAwait(false);
            if (!etcd.Succeeded)
                return (NodePhases.EtcdRemove, etcd.Error);
        }
        var leave = await d.LeaveAsync(c, n, ct).ConfigureAwait(false);
        return leave.Succeeded ? (NodePhases.Ready, null) : (NodePhases.Leave, leave.Error);
    }

    private async Task<ReadResult> ReadNodeAsync(ReadRequest request, CancellationToken ct)
    {
        var (plain, marks) = request.CurrentState.UnmarkDeepWithPaths();
        var ctx = NodeContext(plain);
        if (ctx.Error is { } error)
            return new ReadResult(request.CurrentState, request.Private, [ProviderDiagnostic.Warning("Cannot read the node software", error)]);
        var status = await ctx.Driver!.StatusAsync(ctx.Cluster!, ctx.Target!, ct).ConfigureAwait(false);
        if (status.Error is { } statusError)
            return new ReadResult(request.CurrentState, request.Private, [ProviderDiagnostic.Warning($"Cannot read node {ctx.Target!.Name}", statusError)]);
        if (!status.Exists && !status.Joined && !status.EtcdMember)
            return new ReadResult(HclValue.NullOf(request.CurrentState.Type), null, []); // nothing left of it anywhere
        var phase = ClusterValues.Str(plain, "phase");
        var etcdExpected = ctx.Target!.HasRole(NodeRoles.Etcd);
        if (phase == NodePhases.Ready && (!status.Joined || (etcdExpected && !status.EtcdMember)))
            phase = NodePhases.Probe; // it left behind Provisioner's back: join it again
        var state = ClusterValues.With(plain,
            ("phase", HclValue.String(phase ?? NodePhases.Probe)),
            ("kubernetes_version", status.KubernetesVersion is { } v ? HclValue.String(v) : ClusterValues.Get(plain, "kubernetes_version")),
            ("etcd_member", HclValue.Bool(status.EtcdMember)));
        return new ReadResult(state.MarkWithPaths(marks), request.Private, []);
    }

    private async Task<RecoverResult> RecoverNodeAsync(RecoverRequest request, CancellationToken ct)
    {
        var subject = (request.Kind == ChangeKind.Delete ? request.PriorState : request.PlannedState).UnmarkDeep().Value;
        var ctx = NodeContext(subject);
        if (ctx.Error is not null || request.Kind == ChangeKind.Update)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, []);
        var status = await ctx.Driver!.StatusAsync(ctx.Cluster!, ctx.Target!, ct).ConfigureAwait(false);
        if (status.Error is not null)
            return new RecoverResult(RecoverOutcome.NotApplied, null, null, []);
        if (request.Kind == ChangeKind.Delete)
        {
            return !status.Joined && !status.EtcdMember
                ? new RecoverResult(RecoverOutcome.Completed, HclValue.NullOf(request.PriorState.Type), null, [])
                : new RecoverResult(RecoverOutcome.NotApplied, null, null, []);
        }
        var complete = status.Joined && (status.EtcdMember || !ctx.Target!.HasRole(NodeRoles.Etcd)) && request.PlannedState.IsWhollyKnown;
        return complete
            ? new RecoverResult(RecoverOutcome.Completed, request.PlannedState, null, [])
            : new RecoverResult(RecoverOutcome.NotApplied, null, null, []);
    }

    private sealed record NodeCall(INodeDriver? Driver, ClusterRef? Cluster, NodeTarget? Target, string? Error);

    /// <summary>The driver, cluster and node of a member object.</summary>
    private NodeCall NodeContext(HclValue member)
    {
        var parent = ClusterValues.Get(member, "parent");
        var node = ClusterValues.Get(member, "node");
        if (ClusterValues.Str(node, "name") is not { } name)
            return new NodeCall(null, null, null, "The member has no node name.");
        var bootstrap = ClusterValues.Str(node, "bootstrap") ?? "";
        var (driver, error) = drivers.Resolve(bootstrap);
        if (driver is null)
            return new NodeCall(null, null, null, $"Node {name}: {error}");
        var template = ClusterValues.Get(parent, "template");
        var settings = TemplateSettings.From(template);
        var registry = ClusterValues.Get(template, "private_registry");
        var cluster = new ClusterRef(
            ClusterValues.Str(parent, "id") ?? "",
            ClusterValues.Str(parent, "name") ?? "",
            ClusterValues.Str(parent, "api_endpoint") ?? "",
            ClusterValues.Str(parent, "kubernetes_version") ?? settings?.KubernetesVersion ?? "",
            settings?.NetworkPlugin ?? TemplateSettings.DefaultPlugin,
            settings?.Artifacts,
            ClusterValues.Str(registry, "url"),
            ClusterValues.Str(parent, "ca_certificate"));
        var ssh = ClusterValues.Get(parent, "ssh");
        var address = ClusterValues.Str(node, "address") ?? "";
        var target = new NodeTarget(
            name,
            ClusterValues.Str(node, "id") ?? "",
            bootstrap,
            address,
            ClusterValues.Str(node, "internal_address") ?? address,
            ClusterValues.Strings(node, "roles"),
            ClusterValues.Str(node, "host_key") is { Length: > 0 } key ? key : null,
            ssh.IsNull ? null : new NodeSsh(ClusterValues.Str(ssh, "user"), ClusterValues.Str(ssh, "private_key_file"),
                (int)(ClusterValues.Long(ssh, "port") ?? 22), ClusterValues.Str(ssh, "bastion")));
        return new NodeCall(driver, cluster, target, null);
    }
}
