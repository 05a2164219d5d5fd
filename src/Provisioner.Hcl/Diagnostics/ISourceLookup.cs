namespace Provisioner.Hcl.Diagnostics;

/// <summary>Finds the bytes of a source file by the name diagnostics use for it.</summary>
public interface ISourceLookup
{
    bool TryGetSource(string filename, out ReadOnlyMemory<byte> source);
}
