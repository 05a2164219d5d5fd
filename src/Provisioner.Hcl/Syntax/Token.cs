namespace Provisioner.Hcl.Syntax;

/// <summary>
/// One lexical token: its kind and its byte range in the source buffer. The token array of a
/// <see cref="SyntaxTree"/> is contiguous (each token starts where the previous ended) and covers the
/// whole input, so the tree is lossless.
/// </summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Byte offset of the first byte, relative to the parsed buffer.</param>
/// <param name="End">Byte offset just after the last byte.</param>
public readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public int Length => End - Start;

    /// <summary>True for whitespace, comments and the BOM.</summary>
    public bool IsTrivia => Kind is TokenKind.Whitespace or TokenKind.Comment or TokenKind.LineComment or TokenKind.Bom;
}
