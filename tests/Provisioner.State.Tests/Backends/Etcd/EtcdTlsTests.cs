using System.Text;
using Provisioner.State.Backends;
using Provisioner.State.Etcd;

namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>The etcd backend over TLS with client certificates (cacert_path, cert_path, key_path).</summary>
[Collection(EtcdTlsCollection.Name)]
public sealed class EtcdTlsTests(EtcdTlsFixture etcd)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private EtcdBackend Backend(bool clientCert = true, string? ca = null, string? endpoint = null)
    {
        var values = new Dictionary<string, object>
        {
            ["endpoints"] = new List<string> { endpoint ?? etcd.Server.ClientUrl },
            ["prefix"] = EtcdFixture.NewPrefix(),
            ["lease_ttl"] = 2L,
            ["cacert_path"] = ca ?? etcd.Certificates.CaPath,
        };
        if (clientCert)
        {
            // Relative to the working directory, as in a configuration.
            values["cert_path"] = Path.GetFileName(etcd.Certificates.ClientCertPath);
            values["key_path"] = Path.GetFileName(etcd.Certificates.ClientKeyPath);
        }
        return EtcdFixture.Create(values, etcd.Server.Directory);
    }

    [Fact]
    public async Task AStateRoundTripsOverTls()
    {
        await using var backend = Backend();
        var ws = backend.Workspace(Workspaces.Default);
        var bytes = Encoding.UTF8.GetBytes("{\"lineage\":\"T\",\"serial\":1}" + new string(' ', 700_000));
        Assert.True((await ws.WriteAsync(new StoredState(new StateVersion("T", 1), bytes), null, Ct)).Written);
        var read = await backend.Workspace(Workspaces.Default).ReadAsync(Ct);
        Assert.Equal(bytes, read!.Bytes.ToArray());
        Assert.False((await ws.WriteAsync(new StoredState(new StateVersion("T", 2), bytes), null, Ct)).Written);
    }

    [Fact]
    public async Task LocksExcludeAndExpireOverTls()
    {
        await using var backend = Backend();
        var held = await backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("apply", "a@h", "0", 1), TimeSpan.Zero, Ct);
        Assert.True(held.Taken);
        var refused = await backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("plan", "b@h", "0", 2), TimeSpan.Zero, Ct);
        Assert.Equal(held.Lock!.Info.Id, refused.Holder!.Id);
        await ((EtcdLock)held.Lock).AbandonAsync();
        var next = await backend.Workspace(Workspaces.Default).LockAsync(new LockRequest("plan", "b@h", "0", 2), TimeSpan.FromSeconds(10), Ct);
        Assert.True(next.Taken);
        await next.Lock!.DisposeAsync();
    }

    [Fact]
    public async Task TheJournalWorksOverTls()
    {
        await using var backend = Backend();
        var journal = backend.Workspace("tls").Journal;
        using (var a = journal.OpenAppender())
        {
            a.Write("{\"n\":1}"u8);
            a.Flush(a.Write("{\"n\":2}"u8));
        }
        Assert.Equal("{\"n\":1}\n{\"n\":2}\n", Encoding.UTF8.GetString((await journal.ReadAsync(Ct)).Span));
        await journal.DeleteAsync(Ct);
        Assert.False(await journal.ExistsAsync(Ct));
    }

    [Fact]
    public async Task AClientWithoutACertificateIsRefusedWithAClearError()
    {
        await using var backend = Backend(clientCert: false);
        var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.Workspace(Workspaces.Default).ReadAsync(Ct));
        Assert.Contains($"etcd at {etcd.Server.ClientUrl}", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Contains("cert_path", StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public async Task AServerSignedByAnotherCaIsNotTrusted()
    {
        await using var backend = Backend(ca: etcd.Certificates.OtherCaPath);
        var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.Workspace(Workspaces.Default).ReadAsync(Ct));
        Assert.Contains("TLS handshake failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointWithoutSchemeUsesHttpsWhenTlsFilesAreSet()
    {
        await using var backend = Backend(endpoint: new Uri(etcd.Server.ClientUrl).Authority);
        Assert.Null(await backend.Workspace(Workspaces.Default).ReadAsync(Ct));
    }
}
