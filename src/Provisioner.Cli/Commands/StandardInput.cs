namespace Provisioner.Cli.Commands;

/// <summary>Reads a whole input stream (the <c>-</c> argument of <c>fmt</c> and <c>hcl to-json</c>).</summary>
internal static class StandardInput
{
    public static async Task<byte[]> ReadAllAsync(Func<Stream> open, CancellationToken ct)
    {
        using var input = open();
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
