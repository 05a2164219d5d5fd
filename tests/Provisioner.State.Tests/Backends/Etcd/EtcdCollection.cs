namespace Provisioner.State.Tests.Backends.Etcd;

/// <summary>The tests that share one throwaway etcd (<see cref="EtcdFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class EtcdCollection : ICollectionFixture<EtcdFixture>
{
    public const string Name = "etcd";
}
