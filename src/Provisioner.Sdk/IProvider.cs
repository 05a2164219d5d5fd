using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;

namespace Provisioner.Sdk;

/// <summary>
/// The provider contract: what the engine may ask of any provider (sim, lab, baremetal, aws, gcp, azure, cluster).
/// The engine knows providers only through this interface.
/// </summary>
/// <remarks>
/// <para>Lifecycle: the engine creates one instance per <c>provider</c> block (per alias) through an
/// <see cref="IProviderFactory"/>, asks for the schema, validates configurations, then calls
/// <see cref="ConfigureAsync"/> once before any plan, apply or read.</para>
/// <para>Values are <c>HclValue</c> objects conforming to the schema's implied type. A null value means "no object".
/// Plan results may contain unknown values ("known after apply"); apply and read results must be wholly known.</para>
/// <para>Failures are returned as <see cref="ProviderDiagnostic"/>s, never thrown. A provider may throw only
/// <see cref="OperationCanceledException"/> when its token is cancelled; calls already sent to a cloud should finish
/// and report rather than abandon their result.</para>
/// <para>Mutating calls (<see cref="ApplyChangeAsync"/>) carry an idempotency token; the same token must never
/// create a second object. <see cref="RecoverAsync"/> answers, after a crash, what a call with a given token did.</para>
/// </remarks>
public interface IProvider
{
    /// <summary>The provider's name, the prefix of its resource types (<c>sim</c> for <c>sim_machine</c>).</summary>
    string Name { get; }

    ProviderSchema GetSchema();

    ProviderLimits Limits { get; }

    IReadOnlyList<ProviderDiagnostic> ValidateProviderConfig(Hcl.Values.HclValue config);

    IReadOnlyList<ProviderDiagnostic> ValidateResourceConfig(string typeName, Hcl.Values.HclValue config);

    IReadOnlyList<ProviderDiagnostic> ValidateDataSourceConfig(string typeName, Hcl.Values.HclValue config);

    Task<IReadOnlyList<ProviderDiagnostic>> ConfigureAsync(ConfigureRequest request, CancellationToken ct);

    Task<PlanResult> PlanChangeAsync(PlanRequest request, CancellationToken ct);

    Task<ApplyResult> ApplyChangeAsync(ApplyRequest request, CancellationToken ct);

    Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken ct);

    /// <summary>Refreshes many objects in one go (one cloud API page instead of N calls); results in request order.</summary>
    Task<IReadOnlyList<ReadResult>> ReadManyAsync(IReadOnlyList<ReadRequest> requests, CancellationToken ct);

    Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct);

    Task<ReadDataResult> ReadDataSourceAsync(ReadDataRequest request, CancellationToken ct);

    Task<RecoverResult> RecoverAsync(RecoverRequest request, CancellationToken ct);
}
