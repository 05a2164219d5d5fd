using System.Collections;

namespace Provisioner.Hcl.Syntax;

/// <summary>A read-only view of a tree's tokens (trivia included, last one <see cref="TokenKind.EndOfFile"/>).</summary>
public readonly struct TokenList : IReadOnlyList<Token>
{
    private readonly TokenBuffer _buffer;

    internal TokenList(TokenBuffer buffer) => _buffer = buffer;

    public int Count => _buffer.Count;

    public Token this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _buffer.Count);
            return _buffer[index];
        }
    }

    public Enumerator GetEnumerator() => new(_buffer);

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Allocation-free enumerator.</summary>
    public struct Enumerator : IEnumerator<Token>
    {
        private readonly TokenBuffer _buffer;
        private int _index;

        internal Enumerator(TokenBuffer buffer)
        {
            _buffer = buffer;
            _index = -1;
        }

        public readonly Token Current => _buffer[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _buffer.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
