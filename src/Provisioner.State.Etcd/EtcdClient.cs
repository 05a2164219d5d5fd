using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// A small client of etcd's v3 JSON gateway (<c>POST /v3/kv/range</c>, <c>/v3/kv/txn</c>, <c>/v3/lease/grant</c>...):
/// keys and values base64, 64-bit numbers as strings. Endpoints are tried in order when one cannot be connected to;
/// the last one that answered is tried first next time.
/// </summary>
/// <remarks>
/// Synchronous calls exist for the journal appender, whose interface is synchronous (HTTP/1.1 only, as used here).
/// Connection failures and refusals throw <see cref="StateBackendException"/> naming the endpoint, never a secret.
/// </remarks>
internal sealed class EtcdClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _endpoints;
    private readonly TimeSpan _requestTimeout;
    private int _preferred;

    public EtcdClient(IReadOnlyList<Uri> endpoints, HttpMessageHandler handler, TimeSpan requestTimeout)
    {
        _endpoints = endpoints;
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _requestTimeout = requestTimeout;
    }

    /// <summary>The endpoints, for messages.</summary>
    public string Describe => string.Join(", ", _endpoints.Select(e => e.GetLeftPart(UriPartial.Authority)));

    public async Task<JsonElement> CallAsync(string path, Action<Utf8JsonWriter> body, CancellationToken ct)
    {
        var payload = Serialize(body);
        Exception? last = null;
        var start = Volatile.Read(ref _preferred);
        for (var i = 0; i < _endpoints.Count; i++)
        {
            var index = (start + i) % _endpoints.Count;
            var endpoint = _endpoints[index];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_requestTimeout);
            try
            {
                using var request = Request(endpoint, path, payload);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                using var doc = await ParseAsync(stream, timeout.Token).ConfigureAwait(false);
                Volatile.Write(ref _preferred, index);
                return Check(endpoint, path, response.StatusCode, doc);
            }
            catch (HttpRequestException ex) when (IsConnectionFailure(ex))
            {
                last = ex;
            }
            catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new StateBackendException($"etcd at {endpoint.GetLeftPart(UriPartial.Authority)} did not answer {path} within {_requestTimeout.TotalSeconds:0} s.", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
            {
                throw new StateBackendException($"etcd at {endpoint.GetLeftPart(UriPartial.Authority)} failed during {path}: {Message(ex)}{TlsHint(endpoint, ex)}", ex);
            }
        }
        throw Unreachable(last!);
    }

    /// <summary>The synchronous form of <see cref="CallAsync"/> (for the journal appender).</summary>
    public JsonElement Call(string path, Action<Utf8JsonWriter> body)
    {
        var payload = Serialize(body);
        Exception? last = null;
        var start = Volatile.Read(ref _preferred);
        for (var i = 0; i < _endpoints.Count; i++)
        {
            var index = (start + i) % _endpoints.Count;
            var endpoint = _endpoints[index];
            using var timeout = new CancellationTokenSource(_requestTimeout);
            try
            {
                using var request = Request(endpoint, path, payload);
                using var response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                using var stream = response.Content.ReadAsStream(timeout.Token);
                using var doc = JsonDocument.Parse(stream);
                Volatile.Write(ref _preferred, index);
                return Check(endpoint, path, response.StatusCode, doc);
            }
            catch (HttpRequestException ex) when (IsConnectionFailure(ex))
            {
                last = ex;
            }
            catch (OperationCanceledException ex)
            {
                throw new StateBackendException($"etcd at {endpoint.GetLeftPart(UriPartial.Authority)} did not answer {path} within {_requestTimeout.TotalSeconds:0} s.", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
            {
                throw new StateBackendException($"etcd at {endpoint.GetLeftPart(UriPartial.Authority)} failed during {path}: {Message(ex)}{TlsHint(endpoint, ex)}", ex);
            }
        }
        throw Unreachable(last!);
    }

    // ---- typed calls -------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>Range</c>: the key, or every key in [key, rangeEnd); at <paramref name="revision"/> when not zero.
    /// </summary>
    public Task<JsonElement> RangeAsync(byte[] key, byte[]? rangeEnd, CancellationToken ct, long revision = 0, long limit = 0,
        bool keysOnly = false, bool countOnly = false, bool descending = false) =>
        CallAsync("/v3/kv/range", w => WriteRange(w, key, rangeEnd, revision, limit, keysOnly, countOnly, descending), ct);

    public JsonElement Range(byte[] key, byte[]? rangeEnd, long limit = 0, bool keysOnly = false, bool descending = false) =>
        Call("/v3/kv/range", w => WriteRange(w, key, rangeEnd, 0, limit, keysOnly, false, descending));

    public Task<JsonElement> PutAsync(byte[] key, ReadOnlyMemory<byte> value, CancellationToken ct) =>
        CallAsync("/v3/kv/put", w =>
        {
            w.WriteStartObject();
            w.WriteBase64String("key", key);
            w.WriteBase64String("value", value.Span);
            w.WriteEndObject();
        }, ct);

    public Task<JsonElement> DeleteRangeAsync(byte[] key, byte[]? rangeEnd, CancellationToken ct) =>
        CallAsync("/v3/kv/deleterange", w =>
        {
            w.WriteStartObject();
            w.WriteBase64String("key", key);
            if (rangeEnd is not null)
                w.WriteBase64String("range_end", rangeEnd);
            w.WriteEndObject();
        }, ct);

    public Task<JsonElement> TxnAsync(Action<Utf8JsonWriter> body, CancellationToken ct) => CallAsync("/v3/kv/txn", body, ct);

    public JsonElement Txn(Action<Utf8JsonWriter> body) => Call("/v3/kv/txn", body);

    /// <summary>Grants a lease; returns its ID and the time-to-live etcd granted (it may raise a too short one).</summary>
    public async Task<(long Id, long Ttl)> LeaseGrantAsync(long ttlSeconds, CancellationToken ct)
    {
        var r = await CallAsync("/v3/lease/grant", w =>
        {
            w.WriteStartObject();
            w.WriteString("TTL", ttlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }, ct).ConfigureAwait(false);
        if (r.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.String && err.GetString() is { Length: > 0 } e)
            throw new StateBackendException($"etcd at {Describe} refused a lease: {e}");
        return (EtcdJson.Int64(r, "ID"), EtcdJson.Int64(r, "TTL"));
    }

    /// <summary>Renews a lease once; returns the remaining time-to-live, zero or less when the lease is gone.</summary>
    public async Task<long> LeaseKeepAliveAsync(long id, CancellationToken ct)
    {
        var r = await CallAsync("/v3/lease/keepalive", w => WriteLeaseId(w, id), ct).ConfigureAwait(false);
        return r.TryGetProperty("result", out var result) ? EtcdJson.Int64(result, "TTL") : 0;
    }

    /// <summary>Revokes a lease (deleting the keys attached to it); a lease that is already gone is not an error.</summary>
    public async Task LeaseRevokeAsync(long id, CancellationToken ct)
    {
        try
        {
            await CallAsync("/v3/lease/revoke", w => WriteLeaseId(w, id), ct).ConfigureAwait(false);
        }
        catch (StateBackendException ex) when (ex.InnerException is EtcdErrorException { Code: EtcdErrorException.NotFound })
        {
        }
    }

    public void Dispose() => _http.Dispose();

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void WriteLeaseId(Utf8JsonWriter w, long id)
    {
        w.WriteStartObject();
        w.WriteString("ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter w, byte[] key, byte[]? rangeEnd, long revision, long limit, bool keysOnly, bool countOnly, bool descending)
    {
        w.WriteStartObject();
        w.WriteBase64String("key", key);
        if (rangeEnd is not null)
            w.WriteBase64String("range_end", rangeEnd);
        if (revision > 0)
            w.WriteString("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (limit > 0)
            w.WriteString("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (keysOnly)
            w.WriteBoolean("keys_only", true);
        if (countOnly)
            w.WriteBoolean("count_only", true);
        if (descending)
        {
            w.WriteString("sort_order", "DESCEND");
            w.WriteString("sort_target", "KEY");
        }
        w.WriteEndObject();
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
            body(w);
        return buffer.WrittenSpan.ToArray();
    }

    private static HttpRequestMessage Request(Uri endpoint, string path, byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = Json;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) { Content = content, Version = HttpVersion.Version11 };
    }

    private static async Task<JsonDocument> ParseAsync(Stream stream, CancellationToken ct) =>
        await JsonDocument.ParseAsync(stream, default, ct).ConfigureAwait(false);

    private static JsonElement Check(Uri endpoint, string path, HttpStatusCode status, JsonDocument doc)
    {
        var root = doc.RootElement;
        if (status == HttpStatusCode.OK && !(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out _) && root.TryGetProperty("message", out _)))
            return root.Clone();
        var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m) ? m.GetString() : null;
        var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
        message ??= $"HTTP {(int)status}";
        throw new StateBackendException($"etcd at {endpoint.GetLeftPart(UriPartial.Authority)} refused {path}: {message}", new EtcdErrorException(code, message));
    }

    /// <summary>Failures to reach an endpoint at all, for which the next endpoint is tried.</summary>
    private static bool IsConnectionFailure(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    private StateBackendException Unreachable(Exception last)
    {
        var tls = last is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } ? TlsAdvice : "";
        return new StateBackendException($"Cannot reach etcd at {Describe}: {Message(last)}{tls}", last);
    }

    private const string TlsAdvice =
        " The TLS handshake failed: check cacert_path (the CA that signed the server's certificate) and cert_path/key_path (a client certificate the server trusts).";

    /// <summary>
    /// With TLS 1.3 a server that refuses the client's certificate (or its absence) says so after the handshake, as an
    /// alert on the first read: the same advice as for a failed handshake.
    /// </summary>
    private static string TlsHint(Uri endpoint, Exception ex)
    {
        if (endpoint.Scheme != Uri.UriSchemeHttps)
            return "";
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Security.Authentication.AuthenticationException || e.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase))
                return TlsAdvice;
        }
        return "";
    }

    private static string Message(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message))
                parts.Add(e.Message);
        }
        return string.Join(" ", parts.Select(p => p.TrimEnd('.') + "."));
    }
}
