using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Base of every node in the HCL native-syntax tree. A node knows its byte span in the source buffer;
/// <see cref="Range"/> gives HCL's range for it (the same range hclsyntax's <c>SrcRange</c> reports).
/// </summary>
public abstract class SyntaxNode
{
    private protected SyntaxNode(SourceMap map, int start, int end)
    {
        Map = map;
        StartOffset = start;
        EndOffset = end;
    }

    internal SourceMap Map { get; }

    /// <summary>Offset of the first byte of the node in the parsed buffer.</summary>
    public int StartOffset { get; internal set; }

    /// <summary>Offset just after the last byte of the node in the parsed buffer.</summary>
    public int EndOffset { get; internal set; }

    /// <summary>The node's source range (HCL's <c>SrcRange</c>).</summary>
    public SourceRange Range => Map.Range(StartOffset, EndOffset);

    /// <summary>The exact source bytes of the node.</summary>
    public ReadOnlyMemory<byte> SourceBytes => Map.Bytes[StartOffset..EndOffset];

    /// <summary>The exact source text of the node.</summary>
    public string GetSourceText() => Encoding.UTF8.GetString(Map.Bytes.Span[StartOffset..EndOffset]);

    /// <summary>The direct children, in source order.</summary>
    public abstract IEnumerable<SyntaxNode> ChildNodes();

    public override string ToString() => $"{GetType().Name} {Range}";

    internal SourceRange RangeOf(int start, int end) => Map.Range(start, end);
}
