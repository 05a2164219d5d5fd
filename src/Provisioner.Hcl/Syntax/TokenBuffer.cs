namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Compact token storage, about 2.1 bytes per token: a kind byte and an 8-bit start offset per token, relative to
/// the start of its block of 32 tokens (one 32-bit base per block). Tokens are contiguous, so a token ends
/// where the next one starts; the start of token <see cref="Count"/> is the end of the input. A block whose
/// tokens span more than 255 bytes (a long comment, string or heredoc line; rare in configuration files, whose
/// tokens average under 3 bytes) keeps full 32-bit starts in a side array instead (its base is then the bitwise
/// complement of that array's index).
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>log2 of the number of tokens per block.</summary>
    internal const int BlockShift = 5;

    /// <summary>Mask of a token's index within its block.</summary>
    internal const int BlockMask = (1 << BlockShift) - 1;

    private TokenKind[] _kinds;
    private byte[] _deltas;
    private int[] _bases;
    private int[][] _wide = [];
    private int _wideCount;
    private int _count;

    /// <summary>An empty buffer for a lexer, room for <paramref name="capacity"/> tokens before it grows.</summary>
    public TokenBuffer(int capacity)
    {
        // Sized from the input length, so usually a little too big: uninitialised arrays leave the pages of the
        // unused tail untouched (not resident). Only entries below the count (and the end entry) are ever read.
        capacity = Math.Max(16, capacity);
        _kinds = GC.AllocateUninitializedArray<TokenKind>(capacity);
        _deltas = GC.AllocateUninitializedArray<byte>(capacity + 1);
        _bases = GC.AllocateUninitializedArray<int>(BlockCount(capacity + 1));
    }

    public TokenKind[] Kinds => _kinds;

    /// <summary>Per token: its start minus its block's base (meaningless in wide blocks).</summary>
    internal byte[] Deltas => _deltas;

    /// <summary>Per block of 32 tokens: the start of its first token, or <c>~i</c> for wide block <c>Wide[i]</c>.</summary>
    internal int[] Bases => _bases;

    /// <summary>Full starts of the wide blocks.</summary>
    internal int[][] Wide => _wide;

    public int Count => _count;

    public Token this[int index] => new(_kinds[index], Start(index), Start(index + 1));

    /// <summary>The start of token <paramref name="index"/> (for <see cref="Count"/>: the end of the input).</summary>
    public int Start(int index)
    {
        var b = _bases[index >> BlockShift];
        return b >= 0 ? b + _deltas[index] : _wide[~b][index & BlockMask];
    }

    /// <summary>The end of token <paramref name="index"/>.</summary>
    public int End(int index) => Start(index + 1);

    /// <summary>Index of the token containing <paramref name="offset"/> (the last token for the end of the input).</summary>
    public int IndexAt(int offset)
    {
        int lo = 0, hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (Start(mid) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The first token at or after <paramref name="index"/> that is not whitespace, an inline comment or a BOM.</summary>
    public int SkipSpaces(int index)
    {
        while (_kinds[index] is TokenKind.Whitespace or TokenKind.Comment or TokenKind.Bom)
            index++;
        return index;
    }

    /// <summary>Appends a token (lexing only): tokens are added in source order.</summary>
    public void Add(TokenKind kind, int start)
    {
        if (_count == _kinds.Length)
            Grow();
        _kinds[_count] = kind;
        SetStart(_count, start);
        _count++;
    }

    /// <summary>Records the end of the input (the start of the would-be token after the last one).</summary>
    public void Complete(int end) => SetStart(_count, end);

    private static int BlockCount(int starts) => (starts + BlockMask) >> BlockShift;

    private void Grow()
    {
        var n = _kinds.Length + (_kinds.Length >> 1) + 16;
        Array.Resize(ref _kinds, n);
        Array.Resize(ref _deltas, n + 1);
        Array.Resize(ref _bases, BlockCount(n + 1));
    }

    private void SetStart(int index, int start)
    {
        var block = index >> BlockShift;
        if ((index & BlockMask) == 0)
        {
            _bases[block] = start;
            _deltas[index] = 0;
            return;
        }
        var b = _bases[block];
        if (b >= 0)
        {
            var delta = start - b;
            if (delta <= byte.MaxValue)
            {
                _deltas[index] = (byte)delta;
                return;
            }
            b = MakeWide(block, index);
        }
        _wide[~b][index & BlockMask] = start;
    }

    /// <summary>Moves block <paramref name="block"/> (tokens before <paramref name="upTo"/> so far) to full starts.</summary>
    private int MakeWide(int block, int upTo)
    {
        var starts = new int[BlockMask + 1];
        var first = block << BlockShift;
        var b = _bases[block];
        for (var i = first; i < upTo; i++)
            starts[i - first] = b + _deltas[i];
        if (_wideCount == _wide.Length)
            Array.Resize(ref _wide, Math.Max(16, _wide.Length * 2));
        _wide[_wideCount] = starts;
        var marker = ~_wideCount;
        _wideCount++;
        _bases[block] = marker;
        return marker;
    }
}
