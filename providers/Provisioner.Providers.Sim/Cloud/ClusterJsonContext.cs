using System.Text.Json.Serialization;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Source-generated JSON (de)serialisation of <see cref="ClusterRecord"/>s.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClusterRecord))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
