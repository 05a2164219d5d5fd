using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>A throwaway CA with a server certificate (127.0.0.1, localhost) and a client certificate, written as PEM files.</summary>
public sealed class TestCertificates
{
    public required string CaPath { get; init; }

    public required string ServerCertPath { get; init; }

    public required string ServerKeyPath { get; init; }

    public required string ClientCertPath { get; init; }

    public required string ClientKeyPath { get; init; }

    /// <summary>A CA that signed nothing here (a client trusting it must refuse the server).</summary>
    public required string OtherCaPath { get; init; }

    public static TestCertificates Create(string dir)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = SelfSignedCa("CN=Provisioner test CA", caKey, now);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = SelfSignedCa("CN=Provisioner other CA", otherKey, now);

        var server = Leaf(ca, "CN=127.0.0.1", serverAuth: true, now, san =>
        {
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
        });
        var client = Leaf(ca, "CN=provisioner-client", serverAuth: false, now, null);

        var c = new TestCertificates
        {
            CaPath = Path.Combine(dir, "ca.pem"),
            OtherCaPath = Path.Combine(dir, "other-ca.pem"),
            ServerCertPath = Path.Combine(dir, "server.pem"),
            ServerKeyPath = Path.Combine(dir, "server-key.pem"),
            ClientCertPath = Path.Combine(dir, "client.pem"),
            ClientKeyPath = Path.Combine(dir, "client-key.pem"),
        };
        File.WriteAllText(c.CaPath, ca.ExportCertificatePem());
        File.WriteAllText(c.OtherCaPath, other.ExportCertificatePem());
        File.WriteAllText(c.ServerCertPath, server.Cert.ExportCertificatePem());
        File.WriteAllText(c.ServerKeyPath, server.Key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(c.ClientCertPath, client.Cert.ExportCertificatePem());
        File.WriteAllText(c.ClientKeyPath, client.Key.ExportPkcs8PrivateKeyPem());
        server.Cert.Dispose();
        server.Key.Dispose();
        client.Cert.Dispose();
        client.Key.Dispose();
        return c;
    }

    private static X509Certificate2 SelfSignedCa(string name, ECDsa key, DateTimeOffset now)
    {
        var req = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        return req.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private static (X509Certificate2 Cert, ECDsa Key) Leaf(X509Certificate2 ca, string name, bool serverAuth, DateTimeOffset now, Action<SubjectAlternativeNameBuilder>? san)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            serverAuth ? [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")] : [new Oid("1.3.6.1.5.5.7.3.2")], false)); // etcd's gateway presents the server certificate as a client
        if (san is not null)
        {
            var b = new SubjectAlternativeNameBuilder();
            san(b);
            req.CertificateExtensions.Add(b.Build());
        }
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        var cert = req.Create(ca, now.AddMinutes(-5), now.AddDays(1), serial);
        return (cert, key);
    }
}
