using Provisioner.State.Backends;
using Provisioner.State.Etcd;

namespace Provisioner.State.Tests.Backends.Etcd;

public sealed class EtcdBackendFactoryTests
{
    private static BackendCreateResult Create(Dictionary<string, object> values) =>
        new EtcdBackendFactory().Create(new BackendSettings(values, new Dictionary<string, string>(), Path.GetTempPath()), TimeProvider.System);

    [Fact]
    public void TheArgumentsAreTerraformsEtcdv3Ones()
    {
        var names = new EtcdBackendFactory().Arguments.Select(a => a.Name).ToArray();
        Assert.Equal(["endpoints", "prefix", "cacert_path", "cert_path", "key_path", "lease_ttl"], names);
        Assert.True(new EtcdBackendFactory().Arguments.Single(a => a.Name == "endpoints").Required);
        Assert.Equal("etcd", new EtcdBackendFactory().Type);
    }

    [Fact]
    public async Task DefaultsAreAnEmptyPrefixAndASixtySecondLease()
    {
        var r = Create(new() { ["endpoints"] = new List<string> { "127.0.0.1:2379" } });
        await using var backend = (EtcdBackend)r.Backend!;
        Assert.Equal("", backend.Prefix);
        Assert.Equal(60, backend.LeaseTtlSeconds);
        Assert.Equal("etcd", backend.Type);
        Assert.Contains("http://127.0.0.1:2379", backend.Workspace("default").Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("endpoints")]
    [InlineData("key_path")]
    [InlineData("lease_ttl")]
    [InlineData("credentials")]
    [InlineData("scheme")]
    [InlineData("cacert")]
    public void InvalidSettingsAreRefusedNamingTheArgument(string what)
    {
        var values = new Dictionary<string, object> { ["endpoints"] = new List<string> { "http://127.0.0.1:2379" } };
        var secret = "s3cr3t-password";
        switch (what)
        {
            case "endpoints": values["endpoints"] = new List<string>(); break;
            case "key_path": values["cert_path"] = "/nonexistent/client.pem"; break;
            case "lease_ttl": values["lease_ttl"] = 0L; break;
            case "credentials": values["endpoints"] = new List<string> { $"http://root:{secret}@127.0.0.1:2379" }; break;
            case "scheme": values["endpoints"] = new List<string> { "ftp://127.0.0.1:2379" }; break;
            case "cacert": values["cacert_path"] = "/nonexistent/ca.pem"; break;
        }
        var r = Create(values);
        Assert.Null(r.Backend);
        Assert.NotNull(r.Error);
        Assert.DoesNotContain(secret, r.Error, StringComparison.Ordinal);
        var expected = what switch
        {
            "key_path" => "key_path",
            "lease_ttl" => "lease_ttl",
            "cacert" => "TLS files",
            _ => "endpoints",
        };
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }
}
