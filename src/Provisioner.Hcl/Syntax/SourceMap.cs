using System.Globalization;
using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Maps byte offsets of a parsed buffer to HCL positions (line, column, byte). Line starts are computed
/// lazily on first use, so parsing valid input never pays for positions nobody asks for.
/// </summary>
internal sealed class SourceMap
{
    private LineTable? _lines;

    public SourceMap(string filename, ReadOnlyMemory<byte> bytes, SourcePos origin)
    {
        Filename = filename;
        Bytes = bytes;
        Origin = origin;
    }

    public string Filename { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    public SourcePos Origin { get; }

    /// <summary>The tokens of the buffer, once lexed (deferred traversal steps are built from them).</summary>
    public TokenBuffer? Tokens { get; set; }

    private sealed record LineTable(int[] Starts, bool[] Ascii);

    private LineTable Lines => _lines ?? Interlocked.CompareExchange(ref _lines, ComputeLines(Bytes.Span), null) ?? _lines!;

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private static LineTable ComputeLines(ReadOnlySpan<byte> s)
    {
        var count = 1 + s.Count((byte)'\n');
        var starts = new int[count];
        var ascii = new bool[count];
        var n = 1;
        var pos = 0;
        while (true)
        {
            var idx = s[pos..].IndexOf((byte)'\n');
            if (idx < 0)
            {
                ascii[n - 1] = Ascii.IsValid(s[pos..]);
                break;
            }
            ascii[n - 1] = Ascii.IsValid(s.Slice(pos, idx));
            pos += idx + 1;
            starts[n++] = pos;
        }
        return new LineTable(starts, ascii);
    }

    /// <summary>The position of buffer offset <paramref name="offset"/>.</summary>
    public SourcePos Pos(int offset)
    {
        var lines = Lines;
        var line = Array.BinarySearch(lines.Starts, offset);
        if (line < 0)
            line = ~line - 1;
        var lineStart = lines.Starts[line];
        if (line == 0 && offset >= 3 && Bytes.Span.StartsWith(Bom))
            lineStart = 3; // HCL strips a leading BOM before scanning

        var col = 1 + (lines.Ascii[line] ? offset - lineStart : CountColumns(Bytes.Span[lineStart..offset]));
        if (line == 0)
            return new SourcePos(Origin.Line, Origin.Column + col - 1, Origin.Byte + offset);
        return new SourcePos(Origin.Line + line, col, Origin.Byte + offset);
    }

    public SourceRange Range(int start, int end) => new(Filename, Pos(start), end == start ? Pos(start) : Pos(end));

    /// <summary>Columns count grapheme clusters, as HCL does; a tab is one column.</summary>
    private static int CountColumns(ReadOnlySpan<byte> prefix)
    {
        if (Ascii.IsValid(prefix))
            return prefix.Length;
        var text = Encoding.UTF8.GetString(prefix);
        var n = 0;
        var i = 0;
        while (i < text.Length)
        {
            i += StringInfo.GetNextTextElementLength(text, i);
            n++;
        }
        return n;
    }
}
