namespace Provisioner.Cli.Commands;

/// <summary>Finds the native-syntax configuration files (<c>*.hcl</c>) in a directory.</summary>
internal static class ConfigFileFinder
{
    public static IEnumerable<string> Find(string directory, bool recursive)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = System.IO.FileAttributes.Hidden,
            MatchType = MatchType.Simple,
        };
        var files = Directory.EnumerateFiles(directory, "*.hcl", options).Order(StringComparer.Ordinal).ToList();
        if (recursive)
        {
            foreach (var sub in Directory.EnumerateDirectories(directory, "*", options).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.') || name is "node_modules" or "bin" or "obj")
                    continue;
                files.AddRange(Find(sub, recursive: true));
            }
        }
        return files;
    }
}
