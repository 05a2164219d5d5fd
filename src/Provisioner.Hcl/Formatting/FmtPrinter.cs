using System.Globalization;
using System.Text;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Formatting;

/// <summary>
/// The formatting passes over a lexed file, in the manner of hclwrite's <c>format</c>: split the significant tokens
/// into lines of lead/assign/comment cells, indent each line from its bracket balance, set the spaces between
/// neighbouring tokens, then align the <c>=</c> and trailing-comment cells of consecutive lines. Only the spacing
/// before tokens changes (plus CRLF → LF outside template literals); token bytes are copied as they are.
/// </summary>
internal sealed class FmtPrinter
{
    private static readonly byte[] Spaces = CreateSpaces();

    private readonly ReadOnlyMemory<byte> _memory;
    private FmtToken[] _tokens = [];
    private int _count;
    private FmtLine[] _lines = [];
    private int _lineCount;
    private int _bomEnd;

    private FmtPrinter(ReadOnlyMemory<byte> source) => _memory = source;

    private ReadOnlySpan<byte> Src => _memory.Span;

    /// <summary>Formats the tokens of <paramref name="tree"/> (a file that parsed without errors).</summary>
    public static byte[] Print(SyntaxTree tree, ConfigFile file)
    {
        var printer = new FmtPrinter(tree.Source);
        printer.Collect(tree.Tokens);
        printer.QuoteIdentifierLabels(file.Body);
        printer.SplitLines();
        printer.Indent();
        printer.Space();
        printer.Align();
        printer.NormaliseBlankLines();
        return printer.Write();
    }

    private static byte[] CreateSpaces()
    {
        var spaces = new byte[256];
        spaces.AsSpan().Fill((byte)' ');
        return spaces;
    }

    /// <summary>Keeps the significant tokens and comments; whitespace becomes a count that the passes overwrite.</summary>
    private void Collect(TokenList all)
    {
        _tokens = new FmtToken[all.Count];
        var gap = 0;
        foreach (var t in all)
        {
            switch (t.Kind)
            {
                case TokenKind.Whitespace:
                    gap += t.Length;
                    continue;
                case TokenKind.Bom:
                    _bomEnd = t.End;
                    continue;
                case TokenKind.EndOfFile:
                    return;
            }
            _tokens[_count++] = new FmtToken(t.Kind, t.Start, t.End, gap);
            gap = 0;
        }
    }

    /// <summary>Marks block labels written as identifiers (<c>resource aws_instance web</c>) to be printed quoted.</summary>
    private void QuoteIdentifierLabels(Body root)
    {
        var stack = new Stack<Body>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var block in stack.Pop().Blocks)
            {
                foreach (var (start, _) in block.LabelSpans)
                {
                    var i = IndexAt(start);
                    if (i >= 0 && _tokens[i].Kind == TokenKind.Ident)
                        _tokens[i].Quote = true;
                }
                stack.Push(block.Body);
            }
        }
    }

    /// <summary>The index of the token starting at <paramref name="offset"/>, or -1.</summary>
    private int IndexAt(int offset)
    {
        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var start = _tokens[mid].Start;
            if (start == offset)
                return mid;
            if (start < offset)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    private static bool EndsLine(TokenKind kind) => kind is TokenKind.Newline or TokenKind.LineComment;

    private static bool IsComment(TokenKind kind) => kind is TokenKind.LineComment or TokenKind.Comment;

    private void SplitLines()
    {
        var lineCount = 1;
        for (var i = 0; i < _count; i++)
        {
            if (EndsLine(_tokens[i].Kind))
                lineCount++;
        }
        _lines = new FmtLine[lineCount];
        var start = 0;
        for (var i = 0; i < _count; i++)
        {
            if (EndsLine(_tokens[i].Kind))
            {
                AddLine(start, i + 1);
                start = i + 1;
            }
        }
        AddLine(start, _count);
    }

    private void AddLine(int start, int end)
    {
        var line = new FmtLine { LeadStart = start, LeadEnd = end, AssignStart = end, AssignEnd = end, CommentStart = end, CommentEnd = end };
        if (end - start > 1 && IsComment(_tokens[end - 1].Kind))
        {
            line.CommentStart = end - 1;
            line.LeadEnd = end - 1;
            line.AssignStart = line.AssignEnd = end - 1;
        }
        for (var i = line.LeadStart + 1; i < line.LeadEnd; i++)
        {
            if (_tokens[i].Kind != TokenKind.Equal)
                continue;
            // Only a value that closes every bracket it opens on this line takes part in alignment.
            var net = 0;
            for (var j = i; j < line.LeadEnd; j++)
                net += SpacingRules.BracketChange(_tokens[j].Kind);
            if (net == 0)
            {
                line.AssignStart = i;
                line.AssignEnd = line.LeadEnd;
                line.LeadEnd = i;
            }
            break;
        }
        _lines[_lineCount++] = line;
    }

    /// <summary>Two spaces per open indent level; a line's net bracket balance opens or closes levels.</summary>
    private void Indent()
    {
        var indents = new List<int>(16);
        for (var li = 0; li < _lineCount; li++)
        {
            ref var line = ref _lines[li];
            if (!line.HasLead)
                continue;
            ref var first = ref _tokens[line.LeadStart];
            if (first.Kind == TokenKind.Newline)
            {
                first.SpacesBefore = 0;
                continue;
            }
            var net = 0;
            for (var i = line.LeadStart; i < line.LeadEnd; i++)
            {
                net += SpacingRules.BracketChange(_tokens[i].Kind);
                if (_tokens[i].Kind == TokenKind.OHeredoc)
                    break;
            }
            for (var i = line.AssignStart; i < line.AssignEnd; i++)
                net += SpacingRules.BracketChange(_tokens[i].Kind);

            if (net > 0)
            {
                first.SpacesBefore = 2 * indents.Count;
                indents.Add(net);
                continue;
            }
            var closed = -net;
            while (closed > 0 && indents.Count > 0)
            {
                var top = indents[^1];
                if (closed > top)
                {
                    closed -= top;
                    indents.RemoveAt(indents.Count - 1);
                }
                else if (closed < top)
                {
                    indents[^1] = top - closed;
                    closed = 0;
                }
                else
                {
                    indents.RemoveAt(indents.Count - 1);
                    closed = 0;
                }
            }
            first.SpacesBefore = 2 * indents.Count;
        }
    }

    private void Space()
    {
        for (var li = 0; li < _lineCount; li++)
        {
            ref var line = ref _lines[li];
            SpaceCell(line.LeadStart, line.LeadEnd);
            if (line.HasAssign)
            {
                _tokens[line.AssignStart].SpacesBefore = 1;
                SpaceCell(line.AssignStart, line.AssignEnd);
            }
        }
    }

    private void SpaceCell(int start, int end)
    {
        var src = Src;
        for (var i = start; i + 1 < end; i++)
        {
            ref readonly var subject = ref _tokens[i];
            var before = i > start ? _tokens[i - 1].Kind : TokenKind.None;
            var isIn = subject.Kind == TokenKind.Ident && subject.End - subject.Start == 2 && src[subject.Start] == 'i' && src[subject.Start + 1] == 'n';
            _tokens[i + 1].SpacesBefore = SpacingRules.SpaceAfter(subject.Kind, isIn, before, _tokens[i + 1].Kind) ? 1 : 0;
        }
    }

    /// <summary>Aligns the assign cells, then the comment cells, of runs of consecutive lines that have them.</summary>
    private void Align()
    {
        var chainStart = -1;
        var max = 0;
        for (var li = 0; li <= _lineCount; li++)
        {
            if (li < _lineCount && _lines[li].HasAssign)
            {
                if (chainStart < 0)
                    chainStart = li;
                max = Math.Max(max, Columns(_lines[li].LeadStart, _lines[li].LeadEnd));
                continue;
            }
            if (chainStart < 0)
                continue;
            for (var c = chainStart; c < li; c++)
                _tokens[_lines[c].AssignStart].SpacesBefore = max - Columns(_lines[c].LeadStart, _lines[c].LeadEnd) + 1;
            chainStart = -1;
            max = 0;
        }

        for (var li = 0; li <= _lineCount; li++)
        {
            if (li < _lineCount && _lines[li].HasComment)
            {
                if (chainStart < 0)
                    chainStart = li;
                max = Math.Max(max, LineColumns(li));
                continue;
            }
            if (chainStart < 0)
                continue;
            for (var c = chainStart; c < li; c++)
                _tokens[_lines[c].CommentStart].SpacesBefore = max - LineColumns(c) + 1;
            chainStart = -1;
            max = 0;
        }
    }

    /// <summary>
    /// Vertical normalisation: at most one blank line in a row, none at the start of the file, right after an opening
    /// brace or right before a closing one, and none at the end of the file (which <see cref="Write"/> ends with
    /// exactly one newline). Only newline tokens between items are dropped: heredoc and string content is never
    /// touched, so values do not change.
    /// </summary>
    private void NormaliseBlankLines()
    {
        var previousBlank = true; // the start of the file counts as a blank line: leading blank lines go
        var previousOpens = false;
        for (var li = 0; li < _lineCount; li++)
        {
            ref var line = ref _lines[li];
            var blank = line.LeadEnd - line.LeadStart == 1 && !line.HasAssign && !line.HasComment
                && _tokens[line.LeadStart].Kind == TokenKind.Newline;
            if (blank)
            {
                var nextClose = NextLineStartsWithClose(li + 1, out var atEnd);
                if (previousBlank || previousOpens || nextClose || atEnd)
                    _tokens[line.LeadStart].Drop = true;
                previousBlank = true;
                continue;
            }
            if (!line.HasLead && !line.HasComment)
                continue;
            previousBlank = false;
            var last = line.HasComment ? line.CommentStart - 1 : (line.HasAssign ? line.AssignEnd : line.LeadEnd) - 1;
            while (last >= line.LeadStart && _tokens[last].Kind == TokenKind.Newline)
                last--;
            previousOpens = last >= line.LeadStart && _tokens[last].Kind is TokenKind.OBrace or TokenKind.OBrack or TokenKind.OParen;
        }
    }

    /// <summary>True when the next non-blank line begins with a closing bracket; <paramref name="atEnd"/> when there is none.</summary>
    private bool NextLineStartsWithClose(int from, out bool atEnd)
    {
        for (var li = from; li < _lineCount; li++)
        {
            ref readonly var line = ref _lines[li];
            if (!line.HasLead && !line.HasComment)
                continue;
            var first = line.HasLead ? _tokens[line.LeadStart].Kind : _tokens[line.CommentStart].Kind;
            if (first == TokenKind.Newline && line.LeadEnd - line.LeadStart == 1 && !line.HasComment)
                continue;
            atEnd = false;
            return first is TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen;
        }
        atEnd = true;
        return false;
    }

    private int LineColumns(int li) =>
        Columns(_lines[li].LeadStart, _lines[li].LeadEnd) + Columns(_lines[li].AssignStart, _lines[li].AssignEnd);

    /// <summary>Width of a token range in grapheme clusters, counting the spaces before each token.</summary>
    private int Columns(int start, int end)
    {
        var src = Src;
        var n = 0;
        for (var i = start; i < end; i++)
        {
            n += _tokens[i].SpacesBefore;
            n += Graphemes(src[_tokens[i].Start.._tokens[i].End]) + (_tokens[i].Quote ? 2 : 0);
        }
        return n;
    }

    private static int Graphemes(ReadOnlySpan<byte> bytes)
    {
        var n = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b >= 0x80)
                return new StringInfo(Encoding.UTF8.GetString(bytes)).LengthInTextElements;
            if (!(b == '\n' && i > 0 && bytes[i - 1] == '\r'))
                n++;
        }
        return n;
    }

    private byte[] Write()
    {
        var src = Src;
        var buffer = new byte[Math.Max(16, src.Length + (src.Length >> 2) + 64)];
        var pos = 0;
        Append(ref buffer, ref pos, src[.._bomEnd]);
        for (var i = 0; i < _count; i++)
        {
            ref readonly var t = ref _tokens[i];
            if (t.Drop)
                continue;
            var spaces = t.SpacesBefore;
            while (spaces > 0)
            {
                var chunk = Math.Min(spaces, Spaces.Length);
                Append(ref buffer, ref pos, Spaces.AsSpan(0, chunk));
                spaces -= chunk;
            }
            var bytes = src[t.Start..t.End];
            if (t.Kind is TokenKind.Newline or TokenKind.LineComment or TokenKind.OHeredoc && bytes.Length >= 2 && bytes[^1] == '\n' && bytes[^2] == '\r')
            {
                // CRLF line ends become LF (terraform fmt writes LF); heredoc content keeps its bytes (they are its value).
                Append(ref buffer, ref pos, bytes[..^2]);
                Append(ref buffer, ref pos, "\n"u8);
                continue;
            }
            if (t.Kind == TokenKind.Comment && bytes.IndexOf("\r\n"u8) >= 0)
            {
                WriteWithoutCarriageReturns(ref buffer, ref pos, bytes);
                continue;
            }
            if (t.Quote)
            {
                Append(ref buffer, ref pos, "\""u8);
                Append(ref buffer, ref pos, bytes);
                Append(ref buffer, ref pos, "\""u8);
                continue;
            }
            Append(ref buffer, ref pos, bytes);
        }
        // Exactly one newline at the end of a non-empty file.
        if (pos > _bomEnd && buffer[pos - 1] != (byte)'\n')
            Append(ref buffer, ref pos, "\n"u8);
        return buffer.AsSpan(0, pos).ToArray();
    }

    /// <summary>Writes a block comment with its CRLF line ends as LF.</summary>
    private static void WriteWithoutCarriageReturns(ref byte[] buffer, ref int pos, ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var i = bytes.IndexOf("\r\n"u8);
            if (i < 0)
            {
                Append(ref buffer, ref pos, bytes);
                return;
            }
            Append(ref buffer, ref pos, bytes[..i]);
            Append(ref buffer, ref pos, "\n"u8);
            bytes = bytes[(i + 2)..];
        }
    }

    private static void Append(ref byte[] buffer, ref int pos, ReadOnlySpan<byte> bytes)
    {
        if (pos + bytes.Length > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, pos + bytes.Length));
        bytes.CopyTo(buffer.AsSpan(pos));
        pos += bytes.Length;
    }
}
