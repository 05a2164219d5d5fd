using System.Buffers;
using System.Security.Cryptography;

namespace Provisioner.State;

/// <summary>
/// Passes writes through to another buffer writer and hashes (SHA-256) the bytes committed until
/// <see cref="Finish"/>: the state file's checksum is computed while it is written, in the same pass.
/// </summary>
internal sealed class HashingBufferWriter(IBufferWriter<byte> inner) : IBufferWriter<byte>, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Memory<byte> _last;
    private bool _finished;

    public void Advance(int count)
    {
        if (!_finished)
            _hash.AppendData(_last.Span[..count]);
        _last = Memory<byte>.Empty;
        inner.Advance(count);
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => (_last = inner.GetMemory(sizeHint)).Span;

    /// <summary>Stops hashing and returns the digest of everything committed so far (lower-case hex).</summary>
    public string Finish()
    {
        _finished = true;
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();
}
