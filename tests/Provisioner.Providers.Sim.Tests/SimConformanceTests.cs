using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.TestKit;

namespace Provisioner.Providers.Sim.Tests;

/// <summary>The provider test kit's conformance suite, run against the sim provider.</summary>
public sealed class SimConformanceTests : ProviderConformanceTests, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    protected override IProviderFactory Factory { get; } = new SimProviderFactory();

    protected override HclValue ProviderConfig => HclValue.Object(("inventory_dir", HclValue.String("inventory")));

    protected override string WorkingDirectory => _dir.Path;

    protected override IEnumerable<ConformanceCase> Cases =>
    [
        new(SimSchemas.Network,
            Attrs(("name", HclValue.String("lab")), ("cidr", HclValue.String("10.1.0.0/16"))),
            Attrs(("name", HclValue.String("lab-renamed")), ("cidr", HclValue.String("10.1.0.0/16"))),
            Attrs(("name", HclValue.String("lab")), ("cidr", HclValue.String("10.2.0.0/16")))),
        new(SimSchemas.Machine,
            Attrs(("name", HclValue.String("web-1")), ("image", HclValue.String(SimCloud.ImageId("ubuntu-24.04"))),
                ("labels", HclValue.Map([new("role", HclValue.String("web"))]))),
            Attrs(("name", HclValue.String("web-1")), ("image", HclValue.String(SimCloud.ImageId("ubuntu-24.04"))), ("size", HclValue.String("large")),
                ("labels", HclValue.Map([new("role", HclValue.String("web")), new("tier", HclValue.String("front"))]))),
            Attrs(("name", HclValue.String("web-1")), ("zone", HclValue.String("zone-b")))),
        new(SimSchemas.Machine,
            Attrs(("name", HclValue.String("bare"))),
            Attrs(("name", HclValue.String("bare-renamed")), ("size", HclValue.String("nano")))),
    ];

    protected override Task<int?> CountRemoteObjectsAsync(string typeName, CancellationToken ct)
    {
        if (!SimCloud.TryOpenExisting(Path.Combine(_dir.Path, "inventory"), out var cloud))
            return Task.FromResult<int?>(0);
        using (cloud)
        {
            var snapshot = cloud!.Snapshot(ct);
            return Task.FromResult<int?>(typeName == SimSchemas.Machine ? snapshot.Machines.Count : snapshot.Networks.Count);
        }
    }

    // For ConformanceSuiteSelfTests, which reuse this setup around deliberately defective providers.
    internal HclValue Config => ProviderConfig;

    internal string Directory => WorkingDirectory;

    internal IEnumerable<ConformanceCase> AllCases => Cases;

    internal Task<int?> Count(string typeName, CancellationToken ct) => CountRemoteObjectsAsync(typeName, ct);

    private static Dictionary<string, HclValue> Attrs(params (string Name, HclValue Value)[] attrs) =>
        attrs.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
}
