namespace Provisioner.State;

/// <summary>
/// Everything Provisioner remembers about the real world: resources with their instances, and outputs.
/// </summary>
/// <remarks>
/// <para><see cref="Lineage"/> names a state's history (a new one per fresh state); <see cref="Serial"/> increases with
/// every persisted change. A writer holding an older serial, or another lineage, is refused.</para>
/// <para>The state layer does not know the engine: addresses are strings, attribute values are raw JSON that the
/// engine decodes with the provider's schema.</para>
/// </remarks>
public sealed class StateSnapshot
{
    /// <summary>The format this build writes; files with a newer version are refused with a clear error.</summary>
    public const int CurrentFormatVersion = 1;

    public StateSnapshot(string lineage, long serial = 0)
    {
        Lineage = lineage;
        Serial = serial;
    }

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public string Lineage { get; set; }

    public long Serial { get; set; }

    /// <summary>The Provisioner version that last wrote the state.</summary>
    public string ProvisionerVersion { get; set; } = "";

    public List<ResourceState> Resources { get; } = [];

    public SortedDictionary<string, OutputState> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>A fresh, empty state with a new lineage.</summary>
    public static StateSnapshot New() => new(Guid.NewGuid().ToString("D"));

    public int InstanceCount
    {
        get
        {
            var n = 0;
            foreach (var r in Resources)
                n += r.Instances.Count;
            return n;
        }
    }

    public ResourceState? FindResource(string address)
    {
        foreach (var r in Resources)
        {
            if (r.Address == address)
                return r;
        }
        return null;
    }

    public bool IsEmpty => Resources.Count == 0 && Outputs.Count == 0;
}
