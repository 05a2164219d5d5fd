namespace Provisioner.Config.Tests;

/// <summary>Paths of the fixture directories copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static string Valid(string name) => Path.Combine(Root, "valid", name);

    public static string Invalid(string name) => Path.Combine(Root, "invalid", name);

    public static IEnumerable<object[]> Names(string kind) =>
        Directory.GetDirectories(Path.Combine(Root, kind))
            .Select(Path.GetFileName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new object[] { n! });
}
