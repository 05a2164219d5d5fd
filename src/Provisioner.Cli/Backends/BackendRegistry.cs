using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;

namespace Provisioner.Cli.Backends;

/// <summary>The state backends this build knows, by the type name used in <c>backend "TYPE"</c>.</summary>
internal static class BackendRegistry
{
    /// <summary>Every backend factory (one line per backend).</summary>
    public static IReadOnlyList<IStateBackendFactory> Factories { get; } =
    [
        new LocalBackendFactory(),
        new Provisioner.State.Etcd.EtcdBackendFactory(),
        new Provisioner.State.Postgres.PostgresBackendFactory(),
    ];

    public static IStateBackendFactory? Find(string type) => Factories.FirstOrDefault(f => f.Type == type);
}
