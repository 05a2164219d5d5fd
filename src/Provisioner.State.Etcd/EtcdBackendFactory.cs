using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Provisioner.State.Backends;

namespace Provisioner.State.Etcd;

/// <summary>
/// <c>backend "etcd" { endpoints = [...], prefix = "...", cacert_path, cert_path, key_path, lease_ttl }</c>: the
/// arguments of Terraform's etcdv3 backend.
/// </summary>
public sealed class EtcdBackendFactory : IStateBackendFactory
{
    /// <summary>Terraform's etcdv3 backend gives its lock lease 60 seconds.</summary>
    public const long DefaultLeaseTtlSeconds = 60;

    public string Type => "etcd";

    public IReadOnlyList<BackendArgument> Arguments { get; } =
    [
        new("endpoints", BackendArgumentType.StringList, "etcd client URLs, tried in order (e.g. [\"https://etcd-1:2379\"]; host:port means http, or https when TLS files are set).", Required: true),
        new("prefix", BackendArgumentType.String, "The prefix of every key (default \"\"; e.g. \"provisioner/\")."),
        new("cacert_path", BackendArgumentType.String, "PEM file of the CA that signed the servers' certificates (only that CA is trusted)."),
        new("cert_path", BackendArgumentType.String, "PEM file of the client certificate (with key_path)."),
        new("key_path", BackendArgumentType.String, "PEM file of the client certificate's private key (with cert_path)."),
        new("lease_ttl", BackendArgumentType.Number, $"Time-to-live of the lock's lease in seconds (default {DefaultLeaseTtlSeconds}): how long the lock of a killed holder survives it."),
    ];

    public BackendCreateResult Create(BackendSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var caPath = Resolve(settings, "cacert_path");
        var certPath = Resolve(settings, "cert_path");
        var keyPath = Resolve(settings, "key_path");
        if ((certPath is null) != (keyPath is null))
            return BackendCreateResult.Invalid("The \"cert_path\" and \"key_path\" arguments must be set together.");
        var tls = caPath is not null || certPath is not null;

        var raw = settings.StringList("endpoints");
        if (raw is null || raw.Count == 0)
            return BackendCreateResult.Invalid("The \"endpoints\" argument must list at least one etcd URL.");
        var endpoints = new List<Uri>();
        foreach (var e in raw)
        {
            var text = e.Contains("://", StringComparison.Ordinal) ? e : (tls ? "https://" : "http://") + e;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" && uri.AbsolutePath.Length > 0)
                return BackendCreateResult.Invalid($"The \"endpoints\" argument holds \"{Redact(e)}\", which is not an http(s)://host:port URL.");
            if (uri.UserInfo.Length > 0)
                return BackendCreateResult.Invalid("The \"endpoints\" argument must not hold credentials.");
            endpoints.Add(new Uri(uri.GetLeftPart(UriPartial.Authority)));
        }

        var ttl = settings.Number("lease_ttl") ?? DefaultLeaseTtlSeconds;
        if (ttl is < 1 or > 24 * 3600)
            return BackendCreateResult.Invalid("The \"lease_ttl\" argument must be between 1 and 86400 seconds.");

        X509Certificate2? ca = null;
        X509Certificate2? clientCert = null;
        try
        {
            if (caPath is not null)
                ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPath)); // the certificate alone (CreateFromPemFile would want its key)
            if (certPath is not null)
                clientCert = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            ca?.Dispose();
            return BackendCreateResult.Invalid($"Cannot load the TLS files of the etcd backend: {ex.Message}");
        }
        var handler = CreateHandler(ca, clientCert);
        var client = new EtcdClient(endpoints, handler, TimeSpan.FromSeconds(60));
        return BackendCreateResult.Ok(new EtcdBackend(client, settings.String("prefix") ?? "", ttl, time));
    }

    private static string? Resolve(BackendSettings settings, string name) =>
        settings.String(name) is { Length: > 0 } p ? Path.GetFullPath(Path.Combine(settings.WorkingDirectory, p)) : null;

    private static string Redact(string endpoint) => endpoint.Contains('@', StringComparison.Ordinal) ? "(a URL with credentials)" : endpoint;

    /// <summary>HTTP handler: trusts only <paramref name="ca"/> for the servers when given, presents the client certificate.</summary>
    internal static SocketsHttpHandler CreateHandler(X509Certificate2? ca, X509Certificate2? clientCert)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 16,
        };
        if (clientCert is not null)
            handler.SslOptions.ClientCertificates = [clientCert];
        if (ca is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None || certificate is not X509Certificate2 server)
                    return false; // no certificate, or a name that does not match the endpoint
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(server);
            };
        }
        return handler;
    }
}
