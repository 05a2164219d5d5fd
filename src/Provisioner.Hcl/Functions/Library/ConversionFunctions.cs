namespace Provisioner.Hcl.Functions.Library;

/// <summary>The conversion functions of the standard library.</summary>
internal static class ConversionFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
