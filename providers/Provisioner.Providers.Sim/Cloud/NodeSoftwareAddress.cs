namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A simulated node's bootstrap URI, <c>sim:&lt;absolute inventory dir&gt;/&lt;machine id&gt;</c>.</summary>
public sealed record NodeSoftwareAddress(string InventoryDir, string MachineId)
{
    public const string Scheme = "sim";

    public override string ToString() => $"{Scheme}:{Path.Combine(InventoryDir, MachineId)}";

    /// <summary>The bootstrap URI of machine <paramref name="machineId"/> in the inventory <paramref name="inventoryDir"/>.</summary>
    public static string UriOf(string inventoryDir, string machineId) => new NodeSoftwareAddress(Path.GetFullPath(inventoryDir), machineId).ToString();

    public static NodeSoftwareAddress? TryParse(string bootstrap)
    {
        if (!bootstrap.StartsWith(Scheme + ":", StringComparison.OrdinalIgnoreCase))
            return null;
        var path = bootstrap[(Scheme.Length + 1)..];
        if (path.StartsWith("//", StringComparison.Ordinal))
            path = path[2..];
        path = Uri.UnescapeDataString(path);
        var dir = Path.GetDirectoryName(path);
        var machine = Path.GetFileName(path);
        if (!Path.IsPathFullyQualified(path) || string.IsNullOrEmpty(dir) || string.IsNullOrEmpty(machine))
            return null;
        return new NodeSoftwareAddress(dir, machine);
    }
}
