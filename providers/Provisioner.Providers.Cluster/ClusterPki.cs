using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Provisioner.Providers.Cluster;

/// <summary>
/// The cluster's PKI as <c>cluster_rke</c> creates it: a self-signed CA (ECDSA P-256, 10 years, as RKE's), and an admin
/// client certificate (<c>CN=kube-admin, O=system:masters</c>) signed by it for the kubeconfig. The CA key stays in the
/// state (the provider's private data), never in an attribute.
/// </summary>
internal static class ClusterPki
{
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);

    public sealed record Ca(string CertificatePem, string PrivateKeyPem);

    public static Ca CreateCa(string clusterName, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN=kube-ca, O={Escape(clusterName)}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(CaLifetime));
        return new Ca(cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>An admin kubeconfig for <paramref name="apiEndpoint"/> whose client certificate the CA signed.</summary>
    public static string AdminKubeconfig(string clusterName, string apiEndpoint, Ca ca, TimeProvider time)
    {
        using var caCert = X509Certificate2.CreateFromPem(ca.CertificatePem, ca.PrivateKeyPem);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=kube-admin, O=system:masters"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var cert = request.Create(caCert, now.AddMinutes(-5), caCert.NotAfter.ToUniversalTime() < now.AddYears(10).UtcDateTime ? caCert.NotAfter : now.AddYears(10), serial);
        static string B64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
        var server = ServerUrl(apiEndpoint);
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: "{clusterName}"
              cluster:
                server: "{server}"
                certificate-authority-data: {B64(ca.CertificatePem)}
            users:
            - name: "kube-admin-{clusterName}"
              user:
                client-certificate-data: {B64(cert.ExportCertificatePem())}
                client-key-data: {B64(key.ExportPkcs8PrivateKeyPem())}
            contexts:
            - name: "{clusterName}"
              context:
                cluster: "{clusterName}"
                user: "kube-admin-{clusterName}"
            current-context: "{clusterName}"

            """;
    }

    /// <summary><c>https://host:6443</c> from an endpoint written as a URL, <c>host:port</c> or a bare host.</summary>
    public static string ServerUrl(string apiEndpoint)
    {
        if (apiEndpoint.Contains("://", StringComparison.Ordinal))
            return apiEndpoint;
        var hasPort = apiEndpoint.LastIndexOf(':') is var i and > 0 && !apiEndpoint.EndsWith(']') && apiEndpoint.Count(c => c == ':') == 1 && i < apiEndpoint.Length - 1;
        return hasPort ? $"https://{apiEndpoint}" : $"https://{apiEndpoint}:6443";
    }

    private static string Escape(string s) => s.Replace(",", "\\,", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);
}
