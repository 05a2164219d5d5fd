using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Cluster;

/// <summary><c>cluster_template</c>: revisions and the network-plugin rule.</summary>
internal sealed partial class ClusterProvider
{
    private static PlanResult PlanTemplate(PlanRequest request)
    {
        var (plain, marks) = request.ProposedNewState.UnmarkDeepWithPaths();
        var diags = new List<ProviderDiagnostic>();
        var settings = TemplateSettings.From(plain, diags);
        var prior = request.PriorState.UnmarkDeep().Value;
        HclValue id, revision;
        var hash = settings is null ? HclValue.UnknownOf(HclType.String) : HclValue.String(settings.ContentHash);
        if (prior.IsNull)
        {
            id = HclValue.UnknownOf(HclType.String);
            revision = HclValue.Number(1);
        }
        else
        {
            id = ClusterValues.Get(prior, "id");
            var priorSettings = TemplateSettings.From(prior);
            if (priorSettings is not null && settings is not null && priorSettings.NetworkPlugin != settings.NetworkPlugin)
            {
                diags.Add(ProviderDiagnostic.Error("The network plugin cannot change",
                    $"Template {ClusterValues.Str(prior, "name")} was created with network plugin \"{priorSettings.NetworkPlugin}\"; it cannot change to " +
                    $"\"{settings.NetworkPlugin}\" after creation (a running cluster cannot switch its CNI). Keep \"{priorSettings.NetworkPlugin}\", " +
                    "or create a new template and a new cluster for the other plugin.", AttributePath.Attr("network").ThenAttr("plugin")));
            }
            var priorRevision = ClusterValues.Long(prior, "revision") ?? 1;
            var priorHash = ClusterValues.Str(prior, "content_hash");
            revision = settings is null
                ? HclValue.UnknownOf(HclType.Number)
                : HclValue.Number(settings.ContentHash == priorHash ? priorRevision : priorRevision + 1);
        }
        if (diags.Any(d => d.IsError))
            return PlanResult.Failed([.. diags]);
        var planned = ClusterValues.With(plain, ("id", id), ("revision", revision), ("content_hash", hash)).MarkWithPaths(marks);
        return new PlanResult(planned, [], request.PriorPrivate, diags);
    }

    private static ApplyResult ApplyTemplate(ApplyRequest request)
    {
        if (request.PlannedState.IsNull)
            return new ApplyResult(request.PlannedState, null, []);
        var (plain, marks) = request.PlannedState.UnmarkDeepWithPaths();
        var id = ClusterValues.Str(plain, "id") ?? IdFrom("tpl-", request.IdempotencyToken);
        var settings = TemplateSettings.From(plain);
        if (settings is null)
            return new ApplyResult(HclValue.Null, null, [ProviderDiagnostic.Error("Template not known", "The template's settings are still unknown at apply time.")]);
        var applied = ClusterValues.With(plain,
            ("id", HclValue.String(id)),
            ("revision", HclValue.Number(ClusterValues.Long(plain, "revision") ?? 1)),
            ("content_hash", HclValue.String(settings.ContentHash)));
        return new ApplyResult(applied.MarkWithPaths(marks), request.PlannedPrivate, []);
    }
}
