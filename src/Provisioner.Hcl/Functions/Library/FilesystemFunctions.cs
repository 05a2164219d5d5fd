namespace Provisioner.Hcl.Functions.Library;

/// <summary>The filesystem functions of the standard library.</summary>
internal static class FilesystemFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
