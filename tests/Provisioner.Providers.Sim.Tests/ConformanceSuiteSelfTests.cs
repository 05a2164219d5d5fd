using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;
using Provisioner.Sdk.TestKit;
using Xunit.Sdk;

namespace Provisioner.Providers.Sim.Tests;

/// <summary>The conformance suite must fail on providers that break its rules: run it against sim providers with
/// one deliberate defect each.</summary>
public sealed class ConformanceSuiteSelfTests
{
    [Fact]
    public async Task RefreshThatChangesTheObject_FailsCreateApplyRefresh()
    {
        using var suite = new DefectiveSuite(p => new DefectiveProvider(p) { RefreshAddsLabels = true });
        await Assert.ThrowsAnyAsync<XunitException>(suite.CreateApplyRefresh_ReplanIsEmpty);
    }

    [Fact]
    public async Task ProviderIgnoringTokens_FailsApplyAgainWithSameToken()
    {
        using var suite = new DefectiveSuite(p => new DefectiveProvider(p) { IgnoresTokens = true });
        await Assert.ThrowsAnyAsync<XunitException>(suite.ApplyAgainWithSameToken_CreatesNothingNew);
    }

    [Fact]
    public async Task DestroyThatDeletesNothing_FailsDestroyLeavesNothing()
    {
        using var suite = new DefectiveSuite(p => new DefectiveProvider(p) { DestroyDoesNothing = true });
        await Assert.ThrowsAnyAsync<XunitException>(suite.Destroy_LeavesNothing);
    }

    [Fact]
    public async Task SoundProvider_PassesTheSameChecks()
    {
        using var suite = new DefectiveSuite(p => p);
        await suite.CreateApplyRefresh_ReplanIsEmpty();
        await suite.ApplyAgainWithSameToken_CreatesNothingNew();
        await suite.Destroy_LeavesNothing();
    }

    /// <summary>The sim conformance setup with a wrapped provider (not public: xunit does not run it by itself).</summary>
    private sealed class DefectiveSuite(Func<IProvider, IProvider> wrap) : ProviderConformanceTests, IDisposable
    {
        private readonly SimConformanceTests _sound = new();

        public void Dispose() => _sound.Dispose();

        protected override IProviderFactory Factory => new WrappingFactory(new SimProviderFactory(), wrap);

        protected override HclValue ProviderConfig => _sound.Config;

        protected override string WorkingDirectory => _sound.Directory;

        protected override IEnumerable<ConformanceCase> Cases => _sound.AllCases;

        protected override Task<int?> CountRemoteObjectsAsync(string typeName, CancellationToken ct) => _sound.Count(typeName, ct);
    }

    private sealed class WrappingFactory(IProviderFactory inner, Func<IProvider, IProvider> wrap) : IProviderFactory
    {
        public string Name => inner.Name;

        public IProvider Create() => wrap(inner.Create());
    }

    /// <summary>Test stand-in: a provider with one chosen defect, delegating everything else.</summary>
    private sealed class DefectiveProvider(IProvider inner) : IProvider
    {
        public bool RefreshAddsLabels { get; init; }

        public bool IgnoresTokens { get; init; }

        public bool DestroyDoesNothing { get; init; }

        public string Name => inner.Name;

        public ProviderLimits Limits => inner.Limits;

        public ProviderSchema GetSchema() => inner.GetSchema();

        public IReadOnlyList<ProviderDiagnostic> ValidateProviderConfig(HclValue config) => inner.ValidateProviderConfig(config);

        public IReadOnlyList<ProviderDiagnostic> ValidateResourceConfig(string typeName, HclValue config) => inner.ValidateResourceConfig(typeName, config);

        public IReadOnlyList<ProviderDiagnostic> ValidateDataSourceConfig(string typeName, HclValue config) => inner.ValidateDataSourceConfig(typeName, config);

        public Task<IReadOnlyList<ProviderDiagnostic>> ConfigureAsync(ConfigureRequest request, CancellationToken ct) => inner.ConfigureAsync(request, ct);

        public Task<PlanResult> PlanChangeAsync(PlanRequest request, CancellationToken ct) => inner.PlanChangeAsync(request, ct);

        public Task<ApplyResult> ApplyChangeAsync(ApplyRequest request, CancellationToken ct)
        {
            if (DestroyDoesNothing && request.PlannedState.IsNull)
                return Task.FromResult(new ApplyResult(request.PlannedState, null, []));
            return inner.ApplyChangeAsync(IgnoresTokens ? request with { IdempotencyToken = Guid.NewGuid().ToString() } : request, ct);
        }

        public async Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken ct) => (await ReadManyAsync([request], ct))[0];

        public async Task<IReadOnlyList<ReadResult>> ReadManyAsync(IReadOnlyList<ReadRequest> requests, CancellationToken ct)
        {
            var results = await inner.ReadManyAsync(requests, ct);
            if (!RefreshAddsLabels)
                return results;
            return [.. results.Select(r => r.NewState.IsNull || !r.NewState.Type.HasAttribute("labels") ? r : r with
            {
                NewState = HclValue.Object(r.NewState.Attributes.Select(kv => kv.Key == "labels"
                    ? new KeyValuePair<string, HclValue>("labels", HclValue.Map([new("drift", HclValue.String("yes"))]))
                    : kv)),
            })];
        }

        public Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken ct) => inner.ImportAsync(request, ct);

        public Task<ReadDataResult> ReadDataSourceAsync(ReadDataRequest request, CancellationToken ct) => inner.ReadDataSourceAsync(request, ct);

        public Task<RecoverResult> RecoverAsync(RecoverRequest request, CancellationToken ct) => inner.RecoverAsync(request, ct);
    }
}
