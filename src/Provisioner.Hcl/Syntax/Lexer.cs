using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Splits UTF-8 source into a contiguous token array (trivia included) using an explicit mode stack:
/// normal expressions, quoted templates, heredocs and bare templates, with <c>${ }</c>/<c>%{ }</c>
/// sequences nesting expressions inside templates inside expressions. Never throws on bad input.
/// </summary>
internal sealed class Lexer
{
    private enum Mode : byte
    {
        Normal,
        Quoted,
        Heredoc,
        Bare,
    }

    private struct Frame
    {
        public Mode Mode;
        public int MarkerStart;
        public int MarkerLength;
        public bool StartOfLine;
    }

    private readonly ReadOnlyMemory<byte> _src;
    private readonly TokenBuffer _tokens;
    private Frame[] _frames = new Frame[8];
    private int _depth;
    private int _braces;
    private int[] _retBraces = new int[8];
    private int _retCount;

    private Lexer(ReadOnlyMemory<byte> src)
    {
        _src = src;
        _tokens = new TokenBuffer((int)Math.Min(int.MaxValue - 64L, src.Length * 2L / 5));
    }

    /// <summary>Lexes <paramref name="src"/>; the last token is always <see cref="TokenKind.EndOfFile"/>.</summary>
    public static TokenBuffer Lex(ReadOnlyMemory<byte> src, bool template)
    {
        var lexer = new Lexer(src);
        lexer.Run(template);
        lexer._tokens.Complete(src.Length);
        return lexer._tokens;
    }

    /// <summary>Tokens are contiguous, so only the start is stored; a token ends where the next begins.</summary>
    private void Add(TokenKind kind, int start, int end)
    {
        _ = end;
        _tokens.Add(kind, start);
    }

    private void Push(Mode mode, int markerStart = 0, int markerLength = 0)
    {
        if (_depth == _frames.Length)
            Array.Resize(ref _frames, _frames.Length * 2);
        _frames[_depth++] = new Frame { Mode = mode, MarkerStart = markerStart, MarkerLength = markerLength, StartOfLine = true };
    }

    private void Pop()
    {
        if (_depth > 1)
            _depth--;
    }

    private void BeginSequence()
    {
        _braces++;
        if (_retCount == _retBraces.Length)
            Array.Resize(ref _retBraces, _retBraces.Length * 2);
        _retBraces[_retCount++] = _braces;
        Push(Mode.Normal);
    }

    private void Run(bool template)
    {
        var s = _src.Span;
        var pos = 0;
        if (s.Length >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        {
            Add(TokenKind.Bom, 0, 3);
            pos = 3;
        }
        Push(template ? Mode.Bare : Mode.Normal);
        while (pos < s.Length)
        {
            pos = _frames[_depth - 1].Mode switch
            {
                Mode.Normal => LexNormal(s, pos),
                Mode.Quoted => LexQuoted(s, pos),
                _ => LexTemplateBody(s, pos),
            };
        }
        Add(TokenKind.EndOfFile, s.Length, s.Length);
    }

    private int Single(TokenKind kind, int pos)
    {
        Add(kind, pos, pos + 1);
        return pos + 1;
    }

    private int Double(TokenKind kind, int pos)
    {
        Add(kind, pos, pos + 2);
        return pos + 2;
    }

    private int LexNormal(ReadOnlySpan<byte> s, int pos)
    {
        var c = s[pos];
        var next = pos + 1 < s.Length ? s[pos + 1] : (byte)0;
        switch (c)
        {
            case (byte)' ':
            case (byte)'\t':
            {
                var e = pos + 1;
                while (e < s.Length && (s[e] == ' ' || s[e] == '\t'))
                    e++;
                Add(TokenKind.Whitespace, pos, e);
                return e;
            }
            case (byte)'\n':
                return Single(TokenKind.Newline, pos);
            case (byte)'\r':
                return next == '\n' ? Double(TokenKind.Newline, pos) : Single(TokenKind.Invalid, pos);
            case (byte)'#':
                return LineComment(s, pos, pos + 1);
            case (byte)'/':
                if (next == '/')
                    return LineComment(s, pos, pos + 2);
                if (next == '*')
                {
                    var idx = s[(pos + 2)..].IndexOf("*/"u8);
                    if (idx >= 0)
                    {
                        var e = pos + 2 + idx + 2;
                        Add(TokenKind.Comment, pos, e);
                        return e;
                    }
                }
                return Single(TokenKind.Slash, pos);
            case (byte)'"':
                Add(TokenKind.OQuote, pos, pos + 1);
                Push(Mode.Quoted);
                return pos + 1;
            case (byte)'{':
                _braces++;
                return Single(TokenKind.OBrace, pos);
            case (byte)'}':
                if (_retCount > 0 && _retBraces[_retCount - 1] == _braces)
                {
                    _braces--;
                    _retCount--;
                    Add(TokenKind.TemplateSeqEnd, pos, pos + 1);
                    Pop();
                    return pos + 1;
                }
                _braces--;
                return Single(TokenKind.CBrace, pos);
            case (byte)'~':
                if (next == '}')
                {
                    Add(TokenKind.TemplateSeqEnd, pos, pos + 2);
                    if (_retCount > 0 && _retBraces[_retCount - 1] == _braces)
                    {
                        _braces--;
                        _retCount--;
                        Pop();
                    }
                    else
                    {
                        _braces--;
                    }
                    return pos + 2;
                }
                return Single(TokenKind.BitwiseNot, pos);
            case (byte)'<':
                if (next == '<')
                {
                    var h = TryHeredoc(s, pos);
                    if (h > 0)
                        return h;
                }
                return next == '=' ? Double(TokenKind.LessThanEq, pos) : Single(TokenKind.LessThan, pos);
            case (byte)'>':
                return next == '=' ? Double(TokenKind.GreaterThanEq, pos) : Single(TokenKind.GreaterThan, pos);
            case (byte)'=':
                return next == '=' ? Double(TokenKind.EqualOp, pos) : next == '>' ? Double(TokenKind.FatArrow, pos) : Single(TokenKind.Equal, pos);
            case (byte)'!':
                return next == '=' ? Double(TokenKind.NotEqual, pos) : Single(TokenKind.Bang, pos);
            case (byte)'&':
                return next == '&' ? Double(TokenKind.And, pos) : Single(TokenKind.BitwiseAnd, pos);
            case (byte)'|':
                return next == '|' ? Double(TokenKind.Or, pos) : Single(TokenKind.BitwiseOr, pos);
            case (byte)'^':
                return Single(TokenKind.BitwiseXor, pos);
            case (byte)':':
                return next == ':' ? Double(TokenKind.DoubleColon, pos) : Single(TokenKind.Colon, pos);
            case (byte)'.':
                if (next == '.' && pos + 2 < s.Length && s[pos + 2] == '.')
                {
                    Add(TokenKind.Ellipsis, pos, pos + 3);
                    return pos + 3;
                }
                return Single(TokenKind.Dot, pos);
            case (byte)'*':
                return next == '*' ? Double(TokenKind.StarStar, pos) : Single(TokenKind.Star, pos);
            case (byte)'[':
                return Single(TokenKind.OBrack, pos);
            case (byte)']':
                return Single(TokenKind.CBrack, pos);
            case (byte)'(':
                return Single(TokenKind.OParen, pos);
            case (byte)')':
                return Single(TokenKind.CParen, pos);
            case (byte)',':
                return Single(TokenKind.Comma, pos);
            case (byte)'%':
                return Single(TokenKind.Percent, pos);
            case (byte)'+':
                return Single(TokenKind.Plus, pos);
            case (byte)'-':
                return Single(TokenKind.Minus, pos);
            case (byte)'?':
                return Single(TokenKind.Question, pos);
            case (byte)';':
                return Single(TokenKind.Semicolon, pos);
            case (byte)'\'':
                return Single(TokenKind.Apostrophe, pos);
            case (byte)'`':
                return Single(TokenKind.Backtick, pos);
        }

        if (c is >= (byte)'0' and <= (byte)'9')
            return Number(s, pos);
        var identEnd = ScanIdent(s, pos);
        if (identEnd > pos)
        {
            Add(TokenKind.Ident, pos, identEnd);
            return identEnd;
        }
        if (c < 0x80)
            return Single(TokenKind.Invalid, pos);
        if (Rune.DecodeFromUtf8(s[pos..], out _, out var len) != System.Buffers.OperationStatus.Done)
            return Single(TokenKind.BadUtf8, pos);
        Add(TokenKind.Invalid, pos, pos + len);
        return pos + len;
    }

    private int LineComment(ReadOnlySpan<byte> s, int start, int contentStart)
    {
        var idx = s[contentStart..].IndexOf((byte)'\n');
        if (idx < 0)
        {
            Add(TokenKind.Comment, start, s.Length);
            return s.Length;
        }
        var end = contentStart + idx + 1;
        Add(TokenKind.LineComment, start, end);
        return end;
    }

    private int Number(ReadOnlySpan<byte> s, int pos)
    {
        var e = pos;
        while (e < s.Length && IsDigit(s[e]))
            e++;
        if (e + 1 < s.Length && s[e] == '.' && IsDigit(s[e + 1]))
        {
            e++;
            while (e < s.Length && IsDigit(s[e]))
                e++;
        }
        if (e < s.Length && (s[e] == 'e' || s[e] == 'E'))
        {
            var x = e + 1;
            if (x < s.Length && (s[x] == '+' || s[x] == '-'))
                x++;
            if (x < s.Length && IsDigit(s[x]))
            {
                e = x;
                while (e < s.Length && IsDigit(s[e]))
                    e++;
            }
        }
        Add(TokenKind.NumberLit, pos, e);
        return e;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>Returns the end of the identifier starting at <paramref name="pos"/>, or <paramref name="pos"/> if none.</summary>
    internal static int ScanIdent(ReadOnlySpan<byte> s, int pos)
    {
        var c = s[pos];
        int e;
        if (c < 0x80)
        {
            if (!((c | 0x20) is >= (byte)'a' and <= (byte)'z') && c != '_')
                return pos;
            e = pos + 1;
        }
        else
        {
            if (Rune.DecodeFromUtf8(s[pos..], out var r, out var len) != System.Buffers.OperationStatus.Done || !IsIdStart(r))
                return pos;
            e = pos + len;
        }
        while (e < s.Length)
        {
            c = s[e];
            if (c < 0x80)
            {
                if ((c | 0x20) is >= (byte)'a' and <= (byte)'z' || IsDigit(c) || c == '_' || c == '-')
                {
                    e++;
                    continue;
                }
                break;
            }
            if (Rune.DecodeFromUtf8(s[e..], out var r, out var len) != System.Buffers.OperationStatus.Done || !IsIdContinue(r))
                break;
            e += len;
        }
        return e;
    }

    private static bool IsIdStart(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsIdContinue(Rune r) => IsIdStart(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    private int TryHeredoc(ReadOnlySpan<byte> s, int pos)
    {
        var p = pos + 2;
        if (p < s.Length && s[p] == '-')
            p++;
        if (p >= s.Length)
            return 0;
        var identEnd = ScanIdent(s, p);
        if (identEnd == p)
            return 0;
        int end;
        if (identEnd < s.Length && s[identEnd] == '\n')
            end = identEnd + 1;
        else if (identEnd + 1 < s.Length && s[identEnd] == '\r' && s[identEnd + 1] == '\n')
            end = identEnd + 2;
        else
            return 0;
        Add(TokenKind.OHeredoc, pos, end);
        Push(Mode.Heredoc, p, identEnd - p);
        return end;
    }

    private int LexQuoted(ReadOnlySpan<byte> s, int pos)
    {
        var c = s[pos];
        var next = pos + 1 < s.Length ? s[pos + 1] : (byte)0;
        if (c == '"')
        {
            Add(TokenKind.CQuote, pos, pos + 1);
            Pop();
            return pos + 1;
        }
        if ((c == '$' || c == '%') && next == '{')
            return Introducer(s, pos, c);
        if (c == '\n' || c == '\r')
        {
            var e = pos + 1;
            while (e < s.Length && (s[e] == '\n' || s[e] == '\r'))
                e++;
            Add(TokenKind.QuotedNewline, pos, e);
            return e;
        }

        var end = pos;
        while (end < s.Length)
        {
            var b = s[end];
            if (b == '"' || b == '\n' || b == '\r')
                break;
            if (b == '\\')
            {
                if (end + 1 >= s.Length || s[end + 1] == '\n' || s[end + 1] == '\r')
                    break;
                end += 1 + CharLength(s, end + 1);
                continue;
            }
            if (b == '$' || b == '%')
            {
                var n1 = end + 1 < s.Length ? s[end + 1] : (byte)0;
                if (n1 == '{')
                    break;
                if (n1 == b && end + 2 < s.Length && s[end + 2] == '{')
                {
                    end += 3;
                    if (end < s.Length && s[end] == '~')
                        end++;
                    continue;
                }
                end++;
                continue;
            }
            if (b < 0x80)
            {
                end++;
                continue;
            }
            if (Rune.DecodeFromUtf8(s[end..], out _, out var len) != System.Buffers.OperationStatus.Done)
                break;
            end += len;
        }
        if (end == pos)
            return Single(c == '\\' ? TokenKind.Invalid : TokenKind.BadUtf8, pos);
        Add(TokenKind.QuotedLit, pos, end);
        return end;
    }

    private static int CharLength(ReadOnlySpan<byte> s, int pos)
    {
        if (s[pos] < 0x80)
            return 1;
        return Rune.DecodeFromUtf8(s[pos..], out _, out var len) == System.Buffers.OperationStatus.Done ? len : 1;
    }

    private int Introducer(ReadOnlySpan<byte> s, int pos, byte c)
    {
        var e = pos + 2;
        if (e < s.Length && s[e] == '~')
            e++;
        Add(c == '$' ? TokenKind.TemplateInterp : TokenKind.TemplateControl, pos, e);
        BeginSequence();
        return e;
    }

    private int LexTemplateBody(ReadOnlySpan<byte> s, int pos)
    {
        var frameIndex = _depth - 1;
        var c = s[pos];
        var next = pos + 1 < s.Length ? s[pos + 1] : (byte)0;
        if ((c == '$' || c == '%') && next == '{')
            return Introducer(s, pos, c);

        var end = pos;
        var nl = 0;
        while (end < s.Length)
        {
            var b = s[end];
            if (b == '\n')
            {
                end++;
                nl = 1;
                break;
            }
            if (b == '\r' && end + 1 < s.Length && s[end + 1] == '\n')
            {
                end += 2;
                nl = 2;
                break;
            }
            if (b == '$' || b == '%')
            {
                var n1 = end + 1 < s.Length ? s[end + 1] : (byte)0;
                if (n1 == '{')
                    break;
                if (n1 == b && end + 2 < s.Length && s[end + 2] == '{')
                {
                    end += 3;
                    if (end < s.Length && s[end] == '~')
                        end++;
                    continue;
                }
                end++;
                continue;
            }
            if (b < 0x80)
            {
                end++;
                continue;
            }
            if (Rune.DecodeFromUtf8(s[end..], out _, out var len) != System.Buffers.OperationStatus.Done)
                break;
            end += len;
        }
        if (end == pos)
            return Single(TokenKind.BadUtf8, pos);

        ref var frame = ref _frames[frameIndex];
        if (frame.Mode == Mode.Heredoc)
        {
            if (nl > 0 && frame.StartOfLine)
            {
                var line = s[pos..(end - nl)];
                var marker = s.Slice(frame.MarkerStart, frame.MarkerLength);
                if (TrimAsciiSpace(line).SequenceEqual(marker))
                {
                    Add(TokenKind.CHeredoc, pos, end - nl);
                    Add(TokenKind.Newline, end - nl, end);
                    Pop();
                    return end;
                }
            }
            frame.StartOfLine = nl > 0;
        }
        Add(TokenKind.StringLit, pos, end);
        return end;
    }

    private static ReadOnlySpan<byte> TrimAsciiSpace(ReadOnlySpan<byte> s)
    {
        var a = 0;
        var b = s.Length;
        while (a < b && IsSpace(s[a]))
            a++;
        while (b > a && IsSpace(s[b - 1]))
            b--;
        return s[a..b];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\v' or (byte)'\f';
}
