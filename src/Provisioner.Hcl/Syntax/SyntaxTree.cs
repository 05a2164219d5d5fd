using System.Buffers;
using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// A lossless parse of one source buffer: the contiguous token array (trivia included) and the root node.
/// Writing the tokens back reproduces the input byte for byte.
/// </summary>
public sealed class SyntaxTree
{
    private readonly TokenBuffer _tokens;

    internal SyntaxTree(SourceMap map, TokenBuffer tokens)
    {
        Map = map;
        _tokens = tokens;
    }

    internal SourceMap Map { get; }

    public string Filename => Map.Filename;

    /// <summary>The parsed bytes.</summary>
    public ReadOnlyMemory<byte> Source => Map.Bytes;

    /// <summary>All tokens including trivia; the last one is <see cref="TokenKind.EndOfFile"/>.</summary>
    public TokenList Tokens => new(_tokens);

    public int TokenCount => _tokens.Count;

    /// <summary>The root node (a <see cref="ConfigFile"/> for configurations, else an <see cref="Expression"/>).</summary>
    public SyntaxNode Root { get; internal set; } = null!;

    /// <summary>The HCL position of a buffer offset.</summary>
    public SourcePos GetPos(int offset) => Map.Pos(offset);

    /// <summary>The HCL range between two buffer offsets.</summary>
    public SourceRange GetRange(int start, int end) => Map.Range(start, end);

    /// <summary>The range of token <paramref name="index"/>.</summary>
    public SourceRange GetTokenRange(int index) => Map.Range(Tokens[index].Start, Tokens[index].End);

    /// <summary>The bytes of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> GetTokenBytes(int index)
    {
        var t = Tokens[index];
        return Map.Bytes.Span[t.Start..t.End];
    }

    /// <summary>Index of the token containing buffer offset <paramref name="offset"/> (the EOF token for the end).</summary>
    public int TokenIndexAt(int offset) => _tokens.IndexAt(offset);

    /// <summary>Writes every token back, reproducing the source exactly.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        var src = Map.Bytes.Span;
        for (var i = 0; i < _tokens.Count; i++)
            writer.Write(src[_tokens.Start(i).._tokens.End(i)]);
    }

    /// <summary>Writes every token back, reproducing the source exactly.</summary>
    public void WriteTo(Stream stream)
    {
        var src = Map.Bytes.Span;
        for (var i = 0; i < _tokens.Count; i++)
            stream.Write(src[_tokens.Start(i).._tokens.End(i)]);
    }

    /// <summary>The full text of the tree (the source as a string).</summary>
    public string ToFullString()
    {
        var buffer = new ArrayBufferWriter<byte>(Map.Bytes.Length + 1);
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override string ToString() => ToFullString();
}
