using System.Text.Json;

namespace Provisioner.State.Etcd;

/// <summary>One key-value pair as etcd returns it (<c>mvccpb.KeyValue</c>).</summary>
internal sealed record EtcdKeyValue(byte[] Key, byte[] Value, long CreateRevision, long ModRevision, long Lease)
{
    public static EtcdKeyValue Parse(JsonElement kv) => new(
        EtcdJson.Bytes(kv, "key"),
        EtcdJson.Bytes(kv, "value"),
        EtcdJson.Int64(kv, "create_revision"),
        EtcdJson.Int64(kv, "mod_revision"),
        EtcdJson.Int64(kv, "lease"));
}
