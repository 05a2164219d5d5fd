using Provisioner.Sdk;

namespace Provisioner.Engine.Tests.Support;

/// <summary>
/// A test stand-in: the <see cref="FakeCloud"/> whose creates wait on a gate and count how many run at once, for
/// checking parallelism limits and interruption.
/// </summary>
internal sealed class SlowFakeCloud : IProviderFactory
{
    private int _inFlight;

    public FakeCloud Inner { get; } = new();

    public int MaxInFlight;

    public int ProviderLimit { get; init; }

    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Invoked when a call starts (after counting it).</summary>
    public Action<int>? OnStart { get; set; }

    public string Name => "fake";

    public IProvider Create() => new SlowProvider(this);

    internal async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        var n = Interlocked.Increment(ref _inFlight);
        int seen;
        do
        {
            seen = MaxInFlight;
        }
        while (n > seen && Interlocked.CompareExchange(ref MaxInFlight, n, seen) != seen);
        OnStart?.Invoke(n);
        try
        {
            await Task.Delay(Delay);
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed class SlowProvider(SlowFakeCloud owner) : IProvider
    {
        private readonly FakeCloudProvider _inner = new(owner.Inner) { Limits = new ProviderLimits(owner.ProviderLimit) };

        public string Name => _inner.Name;

        public ProviderLimits Limits => _inner.Limits;

        public Sdk.Schema.ProviderSchema GetSchema() => _inner.GetSchema();

        public IReadOnlyList<Sdk.Protocol.ProviderDiagnostic> ValidateProviderConfig(Hcl.Values.HclValue config) => [];

        public IReadOnlyList<Sdk.Protocol.ProviderDiagnostic> ValidateResourceConfig(string typeName, Hcl.Values.HclValue config) => _inner.ValidateResourceConfig(typeName, config);

        public IReadOnlyList<Sdk.Protocol.ProviderDiagnostic> ValidateDataSourceConfig(string typeName, Hcl.Values.HclValue config) => [];

        public Task<IReadOnlyList<Sdk.Protocol.ProviderDiagnostic>> ConfigureAsync(Sdk.Protocol.ConfigureRequest request, CancellationToken ct) => _inner.ConfigureAsync(request, ct);

        public Task<Sdk.Protocol.PlanResult> PlanChangeAsync(Sdk.Protocol.PlanRequest request, CancellationToken ct) => _inner.PlanChangeAsync(request, ct);

        public Task<Sdk.Protocol.ApplyResult> ApplyChangeAsync(Sdk.Protocol.ApplyRequest request, CancellationToken ct) =>
            owner.RunAsync(() => _inner.ApplyChangeAsync(request, ct));

        public Task<Sdk.Protocol.ReadResult> ReadAsync(Sdk.Protocol.ReadRequest request, CancellationToken ct) => _inner.ReadAsync(request, ct);

        public Task<IReadOnlyList<Sdk.Protocol.ReadResult>> ReadManyAsync(IReadOnlyList<Sdk.Protocol.ReadRequest> requests, CancellationToken ct) => _inner.ReadManyAsync(requests, ct);

        public Task<Sdk.Protocol.ImportResult> ImportAsync(Sdk.Protocol.ImportRequest request, CancellationToken ct) => _inner.ImportAsync(request, ct);

        public Task<Sdk.Protocol.ReadDataResult> ReadDataSourceAsync(Sdk.Protocol.ReadDataRequest request, CancellationToken ct) => _inner.ReadDataSourceAsync(request, ct);

        public Task<Sdk.Protocol.RecoverResult> RecoverAsync(Sdk.Protocol.RecoverRequest request, CancellationToken ct) => _inner.RecoverAsync(request, ct);
    }
}
