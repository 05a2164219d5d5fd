namespace Provisioner.Hcl.Functions.Library;

/// <summary>The string functions of the standard library.</summary>
internal static class StringFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
