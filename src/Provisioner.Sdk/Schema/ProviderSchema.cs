namespace Provisioner.Sdk.Schema;

/// <summary>Everything a provider declares: its own configuration, its resource types and its data sources.</summary>
public sealed record ProviderSchema(
    BlockSchema Provider,
    IReadOnlyDictionary<string, ResourceSchema> Resources,
    IReadOnlyDictionary<string, ResourceSchema> DataSources);
