using System.Text.Json.Serialization;
using Provisioner.State.Locking;

namespace Provisioner.State.Etcd;

/// <summary>Source-generated JSON for the lock key's value.</summary>
[JsonSerializable(typeof(LockInfo))]
internal sealed partial class EtcdJsonContext : JsonSerializerContext;
