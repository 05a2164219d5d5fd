namespace Provisioner.Hcl.Diagnostics;

/// <summary>A simple in-memory <see cref="ISourceLookup"/>: files parsed so far, by name.</summary>
public sealed class SourceFiles : ISourceLookup
{
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _files = new(StringComparer.Ordinal);

    public void Add(string filename, ReadOnlyMemory<byte> source) => _files[filename] = source;

    public bool TryGetSource(string filename, out ReadOnlyMemory<byte> source) => _files.TryGetValue(filename, out source);
}
