using System.Text.Json.Serialization;

namespace Provisioner.State.Locking;

[JsonSerializable(typeof(LockInfo))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class LockInfoJsonContext : JsonSerializerContext;
