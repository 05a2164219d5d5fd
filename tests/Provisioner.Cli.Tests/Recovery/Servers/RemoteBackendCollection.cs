namespace Provisioner.Cli.Tests.Recovery.Servers;

/// <summary>The CLI tests that share <see cref="RemoteBackendServers"/> (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RemoteBackendCollection : ICollectionFixture<RemoteBackendServers>
{
    public const string Name = "remote state backends";
}
