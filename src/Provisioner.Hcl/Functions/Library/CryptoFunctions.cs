namespace Provisioner.Hcl.Functions.Library;

/// <summary>The crypto functions of the standard library.</summary>
internal static class CryptoFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
