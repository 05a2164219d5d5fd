using System.Globalization;
using System.Text.Json;

namespace Provisioner.State.Etcd;

/// <summary>
/// Reading the gateway's JSON (proto3 JSON: 64-bit numbers as strings, bytes as base64, zero values left out).
/// </summary>
internal static class EtcdJson
{
    public static long Int64(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
            return 0;
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetInt64(),
            JsonValueKind.String => long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ => 0,
        };
    }

    public static bool Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static byte[] Bytes(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetBytesFromBase64()
            : [];

    /// <summary>The <c>kvs</c> of a range response (empty when none).</summary>
    public static List<EtcdKeyValue> Kvs(JsonElement rangeResponse)
    {
        var list = new List<EtcdKeyValue>();
        if (rangeResponse.ValueKind == JsonValueKind.Object && rangeResponse.TryGetProperty("kvs", out var kvs) && kvs.ValueKind == JsonValueKind.Array)
        {
            foreach (var kv in kvs.EnumerateArray())
                list.Add(EtcdKeyValue.Parse(kv));
        }
        return list;
    }

    /// <summary>The store revision a response was served at (<c>header.revision</c>).</summary>
    public static long HeaderRevision(JsonElement response) =>
        response.TryGetProperty("header", out var h) ? Int64(h, "revision") : 0;

    /// <summary>The response of the first operation of a txn branch (<c>responses[0].response_range</c>...).</summary>
    public static JsonElement? TxnResponse(JsonElement txn, int index, string kind)
    {
        if (!txn.TryGetProperty("responses", out var rs) || rs.ValueKind != JsonValueKind.Array || rs.GetArrayLength() <= index)
            return null;
        return rs[index].TryGetProperty(kind, out var r) ? r : null;
    }
}
