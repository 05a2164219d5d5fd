namespace Provisioner.Hcl.Functions.Library;

/// <summary>The numeric functions of the standard library.</summary>
internal static class NumericFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
