using System.Text.Json.Serialization;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>Source-generated JSON (de)serialisation of inventory log records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InventoryRecord))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
