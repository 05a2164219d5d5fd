namespace Provisioner.Cli.Commands;

/// <summary>Replaces a file atomically: write a temporary sibling, flush it to disk, rename over the original.</summary>
internal static class AtomicFile
{
    public static async Task WriteAllBytesAsync(string path, byte[] content, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.None };
            if (!OperatingSystem.IsWindows() && File.Exists(path))
                options.UnixCreateMode = File.GetUnixFileMode(path);
            await using (var fs = new FileStream(tmp, options))
            {
                await fs.WriteAsync(content, ct).ConfigureAwait(false);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }
}
