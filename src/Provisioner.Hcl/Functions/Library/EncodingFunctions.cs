namespace Provisioner.Hcl.Functions.Library;

/// <summary>The encoding functions of the standard library.</summary>
internal static class EncodingFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
