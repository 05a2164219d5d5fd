namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Compact token storage: a kind byte and a start offset per token (5 bytes). Tokens are contiguous, so a
/// token ends where the next one starts; <c>Starts[Count]</c> is the end of the input.
/// </summary>
internal sealed class TokenBuffer
{
    public TokenBuffer(TokenKind[] kinds, int[] starts, int count)
    {
        Kinds = kinds;
        Starts = starts;
        Count = count;
    }

    public TokenKind[] Kinds { get; }

    public int[] Starts { get; }

    public int Count { get; }

    public Token this[int index] => new(Kinds[index], Starts[index], Starts[index + 1]);
}
