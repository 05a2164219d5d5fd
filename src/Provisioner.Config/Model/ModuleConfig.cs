namespace Provisioner.Config;

/// <summary>One module: every block of every file in its directory, decoded.</summary>
/// <param name="Directory">Full path of the module directory.</param>
/// <param name="Files">Display names of the files read (relative to the loader's display root), in lexical order.</param>
public sealed record ModuleConfig(
    string Directory,
    IReadOnlyList<string> Files,
    ModuleSettings Settings,
    IReadOnlyDictionary<string, Variable> Variables,
    IReadOnlyDictionary<string, Local> Locals,
    IReadOnlyDictionary<string, Output> Outputs,
    IReadOnlyList<ProviderConfig> ProviderConfigs,
    IReadOnlyList<Resource> ManagedResources,
    IReadOnlyList<Resource> DataResources,
    IReadOnlyDictionary<string, ModuleCall> ModuleCalls,
    IReadOnlyList<MovedBlock> Moved,
    IReadOnlyList<ImportBlock> Imports,
    IReadOnlyList<RemovedBlock> Removed,
    IReadOnlyDictionary<string, CheckBlock> Checks)
{
    /// <summary>The resource with this mode, type and name, or null.</summary>
    public Resource? FindResource(ResourceMode mode, string type, string name)
    {
        foreach (var r in mode == ResourceMode.Managed ? ManagedResources : DataResources)
        {
            if (r.Type == type && r.Name == name)
                return r;
        }
        return null;
    }

    /// <summary>The provider configuration with this name and alias (null = default), or null.</summary>
    public ProviderConfig? FindProvider(string name, string? alias)
    {
        foreach (var p in ProviderConfigs)
        {
            if (p.Name == name && p.Alias == alias)
                return p;
        }
        return null;
    }
}
