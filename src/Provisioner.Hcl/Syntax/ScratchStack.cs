namespace Provisioner.Hcl.Syntax;

/// <summary>
/// The parser's scratch stack for the items of the bodies being parsed (nested bodies push above their parent's
/// items and pop before the parent continues). Stored in fixed-size chunks, so growing never copies or leaves
/// garbage behind: a body of 5,000 blocks costs its exact-size array, not the doubling steps of a list.
/// </summary>
internal sealed class ScratchStack<T>
    where T : class
{
    private const int ChunkShift = 8;
    private const int ChunkMask = (1 << ChunkShift) - 1;
    private T[]?[] _chunks = new T[]?[4];
    private int _count;

    public int Count => _count;

    public T this[int index] => _chunks[index >> ChunkShift]![index & ChunkMask];

    public void Push(T item)
    {
        var c = _count >> ChunkShift;
        if (c == _chunks.Length)
            Array.Resize(ref _chunks, c * 2);
        var chunk = _chunks[c] ??= new T[1 << ChunkShift];
        chunk[_count & ChunkMask] = item;
        _count++;
    }

    /// <summary>Drops the items above <paramref name="mark"/> (a previous <see cref="Count"/>).</summary>
    public void PopTo(int mark)
    {
        for (var i = mark; i < _count; i++)
            _chunks[i >> ChunkShift]![i & ChunkMask] = null!;
        _count = mark;
    }
}
