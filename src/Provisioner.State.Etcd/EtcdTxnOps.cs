using System.Globalization;
using System.Text.Json;

namespace Provisioner.State.Etcd;

/// <summary>The request objects of a <c>/v3/kv/txn</c> body's <c>success</c>/<c>failure</c> arrays, as the JSON gateway takes them.</summary>
internal static class EtcdTxnOps
{
    /// <summary><c>{"request_put": {"key", "value"[, "lease"]}}</c>; a lease of 0 attaches none.</summary>
    public static void Put(Utf8JsonWriter w, byte[] key, byte[] value, long lease = 0)
    {
        w.WriteStartObject();
        w.WriteStartObject("request_put");
        w.WriteBase64String("key", key);
        w.WriteBase64String("value", value);
        if (lease != 0)
            w.WriteString("lease", lease.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>{"request_range": {"key"}}</c>: one key, read back when a guarded put did not happen.</summary>
    public static void Get(Utf8JsonWriter w, byte[] key)
    {
        w.WriteStartObject();
        w.WriteStartObject("request_range");
        w.WriteBase64String("key", key);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
