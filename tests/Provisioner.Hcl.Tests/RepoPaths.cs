namespace Provisioner.Hcl.Tests;

/// <summary>
/// Where the repository (the folder holding Provisioner.sln) and the shared reference folder are. The shared folder
/// is <c>../shared</c> beside the clone in CI; from a git worktree it may be further up, so every ancestor is tried.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared { get; } = FindShared();

    public static string Conformance => Path.Combine(Shared, "conformance");

    public static string SpecSuite => Path.Combine(Conformance, "hcl-specsuite");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioner.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Provisioner.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "conformance")))
                return candidate;
        }
        throw new InvalidOperationException("the shared folder (../shared with conformance/) was not found above " + Root);
    }
}
