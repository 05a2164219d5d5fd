namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>The tests that share one throwaway TLS etcd (<see cref="EtcdTlsFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class EtcdTlsCollection : ICollectionFixture<EtcdTlsFixture>
{
    public const string Name = "etcd-tls";
}
