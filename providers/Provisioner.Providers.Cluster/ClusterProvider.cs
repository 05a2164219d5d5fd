using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Cluster;

/// <summary>
/// The <c>cluster</c> provider: <c>cluster_template</c> (versioned settings, no remote object), <c>cluster_rke</c> (the
/// cluster's identity and PKI) and <c>cluster_rke_node</c> (one node's membership, driven through the node's
/// <see cref="INodeDriver"/>). The engine orders the members (decision 0006); this provider runs each member's steps.
/// </summary>
internal sealed partial class ClusterProvider(NodeDriverRegistry drivers, TimeProvider time) : IProvider
{
    public string Name => "cluster";

    public ProviderLimits Limits => ProviderLimits.Default;

    public ProviderSchema GetSchema() => ClusterSchemas.Provider;

    public IReadOnlyList<ProviderDiagnostic> ValidateProviderConfig(HclValue config) => [];

    public IReadOnlyList<ProviderDiagnostic> ValidateResourceConfig(string typeName, HclValue config)
    {
        var diags = new List<ProviderDiagnostic>();
        switch (typeName)
        {
            case ClusterSchemas.Template:
                RequireName(config, diags);
                TemplateSettings.From(config, diags);
                break;
            case ClusterSchemas.Rke:
                RequireName(config, diags);
                if (ClusterValues.Str(config, "api_endpoint") is { } ep && string.IsNullOrWhiteSpace(ep))
                    diags.Add(ProviderDiagnostic.Error("Invalid api_endpoint", "api_endpoint must not be empty.", AttributePath.Attr("api_endpoint")));
                diags.AddRange(HaWarnings(config));
                break;
            case ClusterSchemas.RkeNode:
                break;
            default:
                diags.Add(UnknownType(typeName, "resource"));
                break;
        }
        return diags;
    }

    public IReadOnlyList<ProviderDiagnostic> ValidateDataSourceConfig(string typeName, HclValue config) => [UnknownType(typeName, "data source")];

    public Task<IReadOnlyList<ProviderDiagnostic>> ConfigureAsync(ConfigureRequest request, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProviderDiagnostic>>([]);

    public async Task<PlanResult> PlanChangeAsync(PlanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ClusterSchemas.Provider.Resources.TryGetValue(request.TypeName, out var schema))
            return PlanResult.Failed(UnknownType(request.TypeName, "resource"));
        if (request.ProposedNewState.IsNull)
            return new PlanResult(HclValue.NullOf(schema.Block.ImpliedType()), [], request.PriorPrivate, []);
        var result = request.TypeName switch
        {
            ClusterSchemas.Template => PlanTemplate(request),
            ClusterSchemas.Rke => PlanRke(request),
            _ => PlanNode(request),
        };
        return await Task.FromResult(result).ConfigureAwait(false);
    }

    public async Task<ApplyResult> ApplyChangeAsync(ApplyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ClusterSchemas.Provider.Resources.ContainsKey(request.TypeName))
            return new ApplyResult(HclValue.Null, null, [UnknownType(request.TypeName, "resource")]);
        return request.TypeName switch
        {
            ClusterSchemas.Template => ApplyTemplate(request),
            ClusterSchemas.Rke => ApplyRke(request),
            _ => await ApplyNodeAsync(request, ct).ConfigureAwait(false),
        };
    }

    public async Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TypeName == ClusterSchemas.RkeNode && !request.CurrentState.IsNull)
            return await ReadNodeAsync(request, ct).ConfigureAwait(false);
        // Templates and clusters live in the state only: what is recorded is what exists.
        return new ReadResult(request.CurrentState, request.Private, []);
    }

    public async Task<IReadOnlyList<ReadResult>> ReadManyAsync(IReadOnlyList<ReadRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new List<ReadResult>(requests.Count);
        foreach (var r in requests)
            results.Add(await ReadAsync(r, ct).ConfigureAwait(false));
        return results;
    }

    public Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new ImportResult(null, null, [ProviderDiagnostic.Error($"{request.TypeName} cannot be imported",
            "Cluster templates and clusters exist only in Provisioner's state (a cluster's CA key is created by it); declare them instead.")]));
    }

    public Task<ReadDataResult> ReadDataSourceAsync(ReadDataRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new ReadDataResult(HclValue.Null, [UnknownType(request.TypeName, "data source")]));
    }

    public async Task<RecoverResult> RecoverAsync(RecoverRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TypeName == ClusterSchemas.RkeNode)
            return await RecoverNodeAsync(request, ct).ConfigureAwait(false);
        // Templates and clusters have no object outside the state: a delete is done, anything else is planned again.
        return request.Kind == ChangeKind.Delete
            ? new RecoverResult(RecoverOutcome.Completed, HclValue.NullOf(request.PriorState.Type), null, [])
            : new RecoverResult(RecoverOutcome.NotApplied, null, null, []);
    }

    private static void RequireName(HclValue config, List<ProviderDiagnostic> diags)
    {
        if (ClusterValues.Str(config, "name") is { } name && string.IsNullOrWhiteSpace(name))
            diags.Add(ProviderDiagnostic.Error("Invalid name", "name must not be empty.", AttributePath.Attr("name")));
    }

    private static ProviderDiagnostic UnknownType(string typeName, string what) =>
        ProviderDiagnostic.Error($"Unknown {what} type", $"The cluster provider has no {what} type \"{typeName}\".");

    /// <summary>A deterministic id from the idempotency token: a retried create answers with the same id.</summary>
    private static string IdFrom(string prefix, string token) =>
        prefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..10];
}
