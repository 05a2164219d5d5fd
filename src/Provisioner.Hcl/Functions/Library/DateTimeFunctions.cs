namespace Provisioner.Hcl.Functions.Library;

/// <summary>The datetime functions of the standard library.</summary>
internal static class DateTimeFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        _ = options;
        yield break;
    }
}
