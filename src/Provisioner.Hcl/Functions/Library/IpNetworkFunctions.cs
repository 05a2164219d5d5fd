namespace Provisioner.Hcl.Functions.Library;

/// <summary>The ipnetwork functions of the standard library.</summary>
internal static class IpNetworkFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
