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

    /// <summary>This node and all nodes below it, depth first in source order (iterative, so deep trees are fine).</summary>
    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        var buffer = new List<SyntaxNode>();
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            buffer.Clear();
            buffer.AddRange(n.ChildNodes());
            for (var i = buffer.Count - 1; i >= 0; i--)
                stack.Push(buffer[i]);
        }
    }

    public override string ToString() => $"{GetType().Name} {Range}";

    internal SourceRange RangeOf(int start, int end) => Map.Range(start, end);
}
