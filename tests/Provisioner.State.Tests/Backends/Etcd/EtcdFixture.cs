using Provisioner.State.Backends;
using Provisioner.State.Etcd;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>One plain-HTTP etcd shared by the tests of the <c>etcd</c> collection; each test uses its own prefix.</summary>
public sealed class EtcdFixture : IAsyncLifetime
{
    private EtcdServer? _server;

    public EtcdServer Server => _server ?? throw new InvalidOperationException("etcd not started");

    public string Endpoint => Server.ClientUrl;

    public async Task InitializeAsync()
    {
        var dir = Directory.CreateTempSubdirectory("prov-etcd-").FullName;
        using var health = new SocketsHttpHandler();
        _server = await EtcdServer.StartAsync(dir, tls: false, [], health);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    /// <summary>A backend under a fresh random prefix.</summary>
    public EtcdBackend CreateBackend(long leaseTtl = 2, IReadOnlyList<string>? endpoints = null, string? prefix = null) =>
        Create(new Dictionary<string, object>
        {
            ["endpoints"] = endpoints ?? [Endpoint],
            ["prefix"] = prefix ?? NewPrefix(),
            ["lease_ttl"] = leaseTtl,
        });

    public static string NewPrefix() => $"test-{Guid.NewGuid():N}/";

    public static EtcdBackend Create(Dictionary<string, object> values, string? workingDirectory = null)
    {
        var r = new EtcdBackendFactory().Create(
            new BackendSettings(values, new Dictionary<string, string>(), workingDirectory ?? Directory.GetCurrentDirectory()), TimeProvider.System);
        Assert.True(r.Backend is not null, r.Error);
        return (EtcdBackend)r.Backend;
    }
}
