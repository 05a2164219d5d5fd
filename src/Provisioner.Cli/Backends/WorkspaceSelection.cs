using Provisioner.State;
using Provisioner.State.Backends;

namespace Provisioner.Cli.Backends;

/// <summary>
/// Which workspace a working directory uses: the <c>PROVISIONER_WORKSPACE</c> environment variable (Terraform's
/// <c>TF_WORKSPACE</c>), else the name saved by <c>workspace select</c> in <c>.provisioner/environment</c>, else
/// <c>default</c>.
/// </summary>
internal static class WorkspaceSelection
{
    public const string EnvironmentVariable = "PROVISIONER_WORKSPACE";

    /// <summary>The directory of per-working-directory settings (Terraform's <c>.terraform</c>).</summary>
    public const string DataDirectory = ".provisioner";

    public static string FilePath(string workingDirectory) => Path.Combine(workingDirectory, DataDirectory, "environment");

    /// <summary>The selected workspace and where the choice came from (for messages).</summary>
    public static (string Name, string Source) Current(string workingDirectory)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
            return (env.Trim(), $"the {EnvironmentVariable} environment variable");
        var file = FilePath(workingDirectory);
        try
        {
            if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } saved)
                return (saved, file);
        }
        catch (IOException)
        {
        }
        return (Workspaces.Default, "the default");
    }

    /// <summary>Saves the selected workspace (<c>workspace select</c>/<c>new</c>).</summary>
    public static async Task SelectAsync(string workingDirectory, string name, CancellationToken ct)
    {
        var file = FilePath(workingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await AtomicFile.WriteAllBytesAsync(file, System.Text.Encoding.UTF8.GetBytes(name + "\n"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, null, ct).ConfigureAwait(false);
    }
}
