using System.Text.Json.Serialization;
using Provisioner.State.Locking;

namespace Provisioner.State.Postgres;

/// <summary>The lock info as stored in <c>provisioner_locks.info</c>.</summary>
[JsonSerializable(typeof(LockInfo))]
internal sealed partial class PostgresJsonContext : JsonSerializerContext;
