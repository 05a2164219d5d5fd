namespace Provisioner.Hcl.Functions.Library;

/// <summary>The collection functions of the standard library.</summary>
internal static class CollectionFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
