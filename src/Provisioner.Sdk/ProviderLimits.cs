namespace Provisioner.Sdk;

/// <summary>Limits the engine honours on top of <c>-parallelism</c> (cloud API rate limits, SSH fan-out).</summary>
/// <param name="MaxConcurrentOperations">At most this many mutating calls in flight for this provider (0: no own limit).</param>
/// <param name="MaxBatchRead">Largest batch <see cref="IProvider.ReadManyAsync"/> accepts.</param>
public sealed record ProviderLimits(int MaxConcurrentOperations = 0, int MaxBatchRead = 500)
{
    public static ProviderLimits Default { get; } = new();
}
