using System.Globalization;
using System.Text;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Cluster;

/// <summary><c>cluster_rke</c>: identity, PKI, template revision, HA warnings.</summary>
internal sealed partial class ClusterProvider
{
    private PlanResult PlanRke(PlanRequest request)
    {
        var (plain, marks) = request.ProposedNewState.UnmarkDeepWithPaths();
        var diags = new List<ProviderDiagnostic>(HaWarnings(plain));
        var template = ClusterValues.Get(plain, "template");
        var settings = TemplateSettings.From(template);
        if (!template.IsNull && template.IsWhollyKnown && ClusterValues.Str(template, "content_hash") is null)
            diags.Add(ProviderDiagnostic.Error("Not a cluster template", "template must be a cluster_template object, e.g. template = cluster_template.main.", AttributePath.Attr("template")));
        var revision = ClusterValues.Long(template, "revision");
        var prior = request.PriorState.UnmarkDeep().Value;
        var unknownString = HclValue.UnknownOf(HclType.String);

        HclValue id = unknownString, kubeconfig = unknownString, ca = unknownString;
        if (!prior.IsNull)
        {
            id = ClusterValues.Get(prior, "id");
            ca = ClusterValues.Get(prior, "ca_certificate");
            var sameEndpoint = ClusterValues.Str(prior, "api_endpoint") == ClusterValues.Str(plain, "api_endpoint")
                && ClusterValues.Str(prior, "name") == ClusterValues.Str(plain, "name");
            kubeconfig = sameEndpoint ? ClusterValues.Get(prior, "kubeconfig") : unknownString;
            var priorSettings = TemplateSettings.From(ClusterValues.Get(prior, "template"));
            if (priorSettings is not null && settings is not null && priorSettings.NetworkPlugin != settings.NetworkPlugin)
                diags.Add(ProviderDiagnostic.Error("The network plugin cannot change",
                    $"Cluster {ClusterValues.Str(prior, "name")} runs network plugin \"{priorSettings.NetworkPlugin}\"; its template now says \"{settings.NetworkPlugin}\". " +
                    "A running cluster cannot switch its CNI: keep the plugin, or create a new cluster.", AttributePath.Attr("template")));
            var priorRevision = ClusterValues.Long(prior, "template_revision");
            var sameTemplate = ClusterValues.Str(ClusterValues.Get(prior, "template"), "id") == ClusterValues.Str(template, "id");
            if (revision is { } r && priorRevision is { } pr && sameTemplate && r > pr)
            {
                var from = ClusterValues.Str(prior, "kubernetes_version");
                var change = settings is not null && from != settings.KubernetesVersion ? $" (kubernetes_version {from} -> {settings.KubernetesVersion})" : "";
                diags.Add(ProviderDiagnostic.Warning($"Template revision {r} available",
                    $"Cluster {ClusterValues.Str(plain, "name")} is on revision {pr} of template {ClusterValues.Str(template, "name")}; " +
                    $"this apply moves it to revision {r}{change}, node by node.", AttributePath.Attr("template")));
            }
        }
        if (diags.Any(d => d.IsError))
            return PlanResult.Failed([.. diags]);

        var etcd = EtcdNodeNames(plain);
        var planned = ClusterValues.With(plain,
            ("id", id),
            ("kubeconfig", kubeconfig),
            ("ca_certificate", ca),
            ("etcd_members", etcd is null
                ? prior.IsNull ? ClusterValues.StringList([]) : ClusterValues.Get(prior, "etcd_members")
                : ClusterValues.StringList(etcd)),
            ("template_revision", revision is { } rev ? HclValue.Number(rev) : HclValue.UnknownOf(HclType.Number)),
            ("kubernetes_version", settings is null ? unknownString : HclValue.String(settings.KubernetesVersion)),
            ("upgrade_strategy", settings is null ? HclValue.UnknownOf(ClusterSchemas.UpgradeStrategyType) : UpgradeStrategy(settings)));
        return new PlanResult(planned.MarkWithPaths(marks), [], request.PriorPrivate, diags);
    }

    private ApplyResult ApplyRke(ApplyRequest request)
    {
        if (request.PlannedState.IsNull)
            return new ApplyResult(request.PlannedState, null, []);
        var (plain, marks) = request.PlannedState.UnmarkDeepWithPaths();
        var name = ClusterValues.Str(plain, "name") ?? "cluster";
        var endpoint = ClusterValues.Str(plain, "api_endpoint") ?? "";
        var id = ClusterValues.Str(plain, "id") ?? IdFrom("c-", request.IdempotencyToken);
        var caPem = ClusterValues.Str(plain, "ca_certificate");
        var priv = request.PlannedPrivate;
        ClusterPki.Ca ca;
        if (caPem is null)
        {
            ca = ClusterPki.CreateCa(name, time);
            priv = Encoding.UTF8.GetBytes(ca.PrivateKeyPem);
        }
        else if (priv is { Length: > 0 })
        {
            ca = new ClusterPki.Ca(caPem, Encoding.UTF8.GetString(priv));
        }
        else
        {
            return new ApplyResult(request.PriorState, request.PlannedPrivate, [ProviderDiagnostic.Error("The cluster CA key is missing",
                $"Cluster {name} has a CA certificate but its key is not in the state; the kubeconfig cannot be signed. Restore the state from a backup.")]);
        }
        var kubeconfig = ClusterValues.Str(plain, "kubeconfig") ?? ClusterPki.AdminKubeconfig(name, endpoint, ca, time);
        var applied = ClusterValues.With(plain,
            ("id", HclValue.String(id)),
            ("ca_certificate", HclValue.String(ca.CertificatePem)),
            ("kubeconfig", HclValue.String(kubeconfig).Mark(HclMarks.Sensitive)));
        return new ApplyResult(applied.MarkWithPaths(marks), priv, []);
    }

    private static HclValue UpgradeStrategy(TemplateSettings s) => HclValue.Object(
        ("max_unavailable_controlplane", HclValue.Number(s.MaxUnavailableControlPlane)),
        ("max_unavailable_worker", HclValue.String(s.MaxUnavailableWorker)),
        ("drain", HclValue.Bool(s.Drain)));

    /// <summary>The nodes' roles, when the cluster sees a known node list (null otherwise).</summary>
    private static List<(string Name, IReadOnlyList<string> Roles)>? NodeRolesOf(HclValue cluster)
    {
        var nodes = ClusterValues.Get(cluster, "nodes");
        if (nodes.IsNull || !nodes.IsKnown || !nodes.Type.IsSequence)
            return null;
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var n in nodes.Elements)
        {
            if (ClusterValues.Str(n, "name") is not { } name || ClusterValues.IsUnknown(n, "roles"))
                return null;
            result.Add((name, ClusterValues.Strings(n, "roles")));
        }
        return result;
    }

    private static List<string>? EtcdNodeNames(HclValue cluster) =>
        NodeRolesOf(cluster)?.Where(n => n.Roles.Contains(NodeRoles.Etcd)).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>RKE's HA rules as warnings: at least 3 etcd nodes, an odd number of them, at least 2 control-plane nodes.</summary>
    private static IEnumerable<ProviderDiagnostic> HaWarnings(HclValue cluster)
    {
        if (NodeRolesOf(cluster) is not { Count: > 0 } nodes)
            yield break;
        var etcd = nodes.Count(n => n.Roles.Contains(NodeRoles.Etcd));
        var cp = nodes.Count(n => n.Roles.Contains(NodeRoles.ControlPlane));
        var path = AttributePath.Attr("nodes");
        if (etcd == 0)
        {
            yield return ProviderDiagnostic.Error("No etcd node", "A cluster needs at least one node with the etcd role.", path);
            yield break;
        }
        if (cp == 0)
            yield return ProviderDiagnostic.Error("No control-plane node", "A cluster needs at least one node with the controlplane role.", path);
        if (etcd < 3)
            yield return ProviderDiagnostic.Warning("Not highly available: fewer than 3 etcd nodes",
                string.Create(CultureInfo.InvariantCulture, $"The cluster has {etcd} etcd node(s): losing one loses quorum{(etcd == 1 ? " and the cluster's data" : "")}. Use 3 (or 5) for high availability."), path);
        else if (etcd % 2 == 0)
            yield return ProviderDiagnostic.Warning("Even number of etcd nodes",
                string.Create(CultureInfo.InvariantCulture, $"{etcd} etcd nodes tolerate no more failures than {etcd - 1} do (quorum is {etcd / 2 + 1}); use an odd number."), path);
        if (cp is > 0 and < 2)
            yield return ProviderDiagnostic.Warning("Not highly available: fewer than 2 control-plane nodes",
                "The cluster has 1 control-plane node: the API is down whenever it is. Use at least 2.", path);
    }
}
