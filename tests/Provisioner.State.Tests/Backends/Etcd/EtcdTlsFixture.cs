using System.Security.Cryptography.X509Certificates;
using Provisioner.State.Etcd;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>A throwaway etcd serving https only, requiring client certificates signed by a test CA.</summary>
public sealed class EtcdTlsFixture : IAsyncLifetime
{
    private EtcdServer? _server;

    public EtcdServer Server => _server ?? throw new InvalidOperationException("etcd not started");

    public TestCertificates Certificates { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dir = Directory.CreateTempSubdirectory("prov-etcd-tls-").FullName;
        try
        {
            Certificates = TestCertificates.Create(dir);
        }
        catch
        {
            Directory.Delete(dir, recursive: true);
            throw;
        }
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Certificates.CaPath));
        using var client = X509Certificate2.CreateFromPemFile(Certificates.ClientCertPath, Certificates.ClientKeyPath);
        using var health = EtcdBackendFactory.CreateHandler(ca, client);
        _server = await EtcdServer.StartAsync(dir, tls: true,
        [
            "--cert-file", Certificates.ServerCertPath, "--key-file", Certificates.ServerKeyPath,
            "--client-cert-auth", "--trusted-ca-file", Certificates.CaPath,
        ], health);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
