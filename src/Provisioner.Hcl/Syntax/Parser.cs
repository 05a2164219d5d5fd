using System.Runtime.CompilerServices;
using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Recursive-descent parser over the token array, following hclsyntax's grammar, diagnostics and recovery
/// (including its sticky "recovery mode" that suppresses follow-on errors).
/// </summary>
internal sealed partial class Parser
{
    private const int MaxDepth = 256;

    private readonly SourceMap _map;
    private readonly TokenKind[] _k;
    private readonly int[] _bases;
    private readonly byte[] _deltas;
    private readonly int[][] _wide;
    private readonly List<Diagnostic> _diags = [];
    private readonly Stack<bool> _nlStack = new();
    private readonly NameTable _names = new();
    private readonly ScratchStack<SyntaxNode> _bodyItems = new();
    private readonly List<(TemplatePart Part, int Spaces)> _heredocAdjust = [];
    private readonly ListPool<Expression> _exprLists = new();
    private readonly ListPool<ObjectConsItem> _itemLists = new();
    private readonly ListPool<TemplatePart> _partLists = new();
    private readonly Stack<TemplatePart> _freeParts = new();
    private readonly ListPool<string> _labelLists = new();
    private readonly ListPool<(int Start, int End)> _spanLists = new();
    private int _pos;
    private int _prev = -1;
    private int _peekFrom = -1;
    private int _peekResult;
    private bool _peekNl;
    private bool _recovery;
    private int _errors;
    private int _depth;
    private bool _nl = true;

    public Parser(SourceMap map, TokenBuffer tokens)
    {
        _map = map;
        _k = tokens.Kinds;
        _bases = tokens.Bases;
        _deltas = tokens.Deltas;
        _wide = tokens.Wide;
    }

    public List<Diagnostic> Diagnostics => _diags;

    public bool InRecovery => _recovery;

    private ReadOnlySpan<byte> Src => _map.Bytes.Span;

    // ---- token access ------------------------------------------------------------------------------

    private int PeekIndex()
    {
        if (_peekFrom == _pos && _peekNl == _nl)
            return _peekResult;
        var r = Scan();
        _peekFrom = _pos;
        _peekNl = _nl;
        _peekResult = r;
        return r;
    }

    private int Scan()
    {
        var i = _pos;
        while (true)
        {
            switch (_k[i])
            {
                case TokenKind.Whitespace:
                case TokenKind.Comment:
                case TokenKind.Bom:
                    i++;
                    continue;
                case TokenKind.Newline:
                case TokenKind.LineComment:
                    if (!_nl)
                    {
                        i++;
                        continue;
                    }
                    return i;
                default:
                    return i;
            }
        }
    }

    private TokenKind Kind(int i)
    {
        var k = _k[i];
        return k == TokenKind.LineComment ? TokenKind.Newline : k;
    }

    private TokenKind PeekKind() => Kind(PeekIndex());

    private int Read()
    {
        var i = PeekIndex();
        _prev = i;
        if (_k[i] != TokenKind.EndOfFile)
            _pos = i + 1;
        return i;
    }

    private int PrevIndex() => _prev < 0 ? PeekIndex() : _prev;

    private int S(int i)
    {
        var b = _bases[i >> TokenBuffer.BlockShift];
        return b >= 0 ? b + _deltas[i] : _wide[~b][i & TokenBuffer.BlockMask];
    }

    private int E(int i) => S(i + 1);

    private string Text(int i) => _names.Get(Src[S(i)..E(i)]);

    private bool IsKeyword(int i, ReadOnlySpan<byte> keyword) =>
        _k[i] == TokenKind.Ident && Src[S(i)..E(i)].SequenceEqual(keyword);

    private void PushNl(bool include)
    {
        _nlStack.Push(_nl);
        _nl = include;
    }

    private void PopNl() => _nl = _nlStack.Pop();

    // ---- diagnostics -------------------------------------------------------------------------------

    private Diagnostic Make(string summary, string detail, int start, int end, int ctxStart = -1, int ctxEnd = -1)
    {
        SourceRange? context = ctxStart < 0 ? null : _map.Range(Math.Min(ctxStart, start), Math.Max(ctxEnd, end));
        return Diagnostic.Error(summary, detail, _map.Range(start, end), context);
    }

    private void Error(string summary, string detail, int start, int end, int ctxStart = -1, int ctxEnd = -1)
    {
        _diags.Add(Make(summary, detail, start, end, ctxStart, ctxEnd));
        _errors++;
    }

    private void ErrorAt(string summary, string detail, int token) => Error(summary, detail, S(token), E(token));

    private void ErrorAt(string summary, string detail, int token, int ctxFromToken) =>
        Error(summary, detail, S(token), E(token), S(ctxFromToken), E(token));

    private void InsertError(int index, string summary, string detail, int token)
    {
        _diags.Insert(index, Make(summary, detail, S(token), E(token)));
        _errors++;
    }

    // ---- recovery ----------------------------------------------------------------------------------

    private static TokenKind Opposite(TokenKind k) => k switch
    {
        TokenKind.OBrace => TokenKind.CBrace,
        TokenKind.OBrack => TokenKind.CBrack,
        TokenKind.OParen => TokenKind.CParen,
        TokenKind.OQuote => TokenKind.CQuote,
        TokenKind.OHeredoc => TokenKind.CHeredoc,
        TokenKind.CBrace => TokenKind.OBrace,
        TokenKind.CBrack => TokenKind.OBrack,
        TokenKind.CParen => TokenKind.OParen,
        TokenKind.CQuote => TokenKind.OQuote,
        TokenKind.CHeredoc => TokenKind.OHeredoc,
        TokenKind.TemplateControl => TokenKind.TemplateSeqEnd,
        TokenKind.TemplateInterp => TokenKind.TemplateSeqEnd,
        TokenKind.TemplateSeqEnd => TokenKind.TemplateInterp,
        _ => TokenKind.None,
    };

    /// <summary>Skips to the matching <paramref name="end"/> token (counting nesting) and returns it, or EOF.</summary>
    private int Recover(TokenKind end)
    {
        var start = Opposite(end);
        _recovery = true;
        var nest = 0;
        while (true)
        {
            var i = Read();
            var ty = Kind(i);
            if (end == TokenKind.TemplateSeqEnd && ty == TokenKind.TemplateControl)
                ty = TokenKind.TemplateInterp;
            if (ty == start && start != TokenKind.None)
            {
                nest++;
            }
            else if (ty == end)
            {
                if (nest < 1)
                    return i;
                nest--;
            }
            else if (ty == TokenKind.EndOfFile)
            {
                return i;
            }
        }
    }

    private void RecoverOver(TokenKind start)
    {
        while (true)
        {
            var k = Kind(Read());
            if (k == start || k == TokenKind.EndOfFile)
                break;
        }
        Recover(Opposite(start));
    }

    private void RecoverAfterBodyItem()
    {
        _recovery = true;
        var open = new List<TokenKind>();
        while (true)
        {
            var k = Kind(Read());
            switch (k)
            {
                case TokenKind.Newline:
                    if (open.Count == 0)
                        return;
                    break;
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.OBrace:
                case TokenKind.OBrack:
                case TokenKind.OParen:
                case TokenKind.OQuote:
                case TokenKind.OHeredoc:
                case TokenKind.TemplateInterp:
                case TokenKind.TemplateControl:
                    open.Add(k);
                    break;
                case TokenKind.CBrace:
                case TokenKind.CBrack:
                case TokenKind.CParen:
                case TokenKind.CQuote:
                case TokenKind.CHeredoc:
                {
                    var opener = Opposite(k);
                    while (open.Count > 0 && open[^1] != opener)
                        open.RemoveAt(open.Count - 1);
                    if (open.Count > 0)
                        open.RemoveAt(open.Count - 1);
                    break;
                }
                case TokenKind.TemplateSeqEnd:
                    while (open.Count > 0 && open[^1] != TokenKind.TemplateInterp && open[^1] != TokenKind.TemplateControl)
                        open.RemoveAt(open.Count - 1);
                    if (open.Count > 0)
                        open.RemoveAt(open.Count - 1);
                    break;
            }
        }
    }

    /// <summary>Guards recursion: returns false (after reporting once and skipping to EOF) when nesting is too deep.</summary>
    private bool Enter()
    {
        _depth++;
        if (_depth <= MaxDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack())
            return true;
        var i = PeekIndex();
        if (!_recovery)
            ErrorAt("Nesting too deep", $"This configuration is nested more than {MaxDepth} levels deep, which is not supported.", i);
        _recovery = true;
        while (_k[_pos] != TokenKind.EndOfFile)
            _pos++;
        return false;
    }

    private void Leave() => _depth--;

    // ---- bodies ------------------------------------------------------------------------------------

    public Body ParseBody(TokenKind end)
    {
        var startTok = PrevIndex();
        int startS = S(startTok), startE = E(startTok);
        int endS, endE;
        var mark = _bodyItems.Count;
        int attrCount = 0, blockCount = 0;
        HashSet<Attribute>? redefined = null;
        Dictionary<string, Attribute>? byName = null;
        while (true)
        {
            var ni = PeekIndex();
            var nk = Kind(ni);
            if (nk == end)
            {
                endS = S(ni);
                endE = E(ni);
                Read();
                break;
            }
            if (nk == TokenKind.Newline)
            {
                Read();
                continue;
            }
            if (nk == TokenKind.Ident)
            {
                var item = ParseBodyItem();
                if (item is Block b)
                {
                    _bodyItems.Push(b);
                    blockCount++;
                }
                else if (item is Attribute a)
                {
                    Attribute? existing = null;
                    if (byName != null)
                    {
                        byName.TryGetValue(a.Name, out existing);
                    }
                    else
                    {
                        // The first attribute with this name is its first definition.
                        for (var i = mark; i < _bodyItems.Count; i++)
                        {
                            if (_bodyItems[i] is Attribute x && x.Name == a.Name)
                            {
                                existing = x;
                                break;
                            }
                        }
                    }
                    _bodyItems.Push(a);
                    if (existing != null)
                    {
                        Error("Attribute redefined",
                            $"The argument \"{a.Name}\" was already set at {existing.NameRange}. Each argument may be set only once.",
                            a.StartOffset, a.NameEndOffset);
                        (redefined ??= new HashSet<Attribute>(ReferenceEqualityComparer.Instance)).Add(a);
                    }
                    else
                    {
                        attrCount++;
                        if (byName != null)
                        {
                            byName[a.Name] = a;
                        }
                        else if (attrCount > 16)
                        {
                            byName = new Dictionary<string, Attribute>(StringComparer.Ordinal);
                            for (var i = mark; i < _bodyItems.Count; i++)
                            {
                                if (_bodyItems[i] is Attribute x && !(redefined?.Contains(x) ?? false))
                                    byName.TryAdd(x.Name, x);
                            }
                        }
                    }
                }
                continue;
            }

            var bad = Read();
            if (!_recovery)
            {
                switch (Kind(bad))
                {
                    case TokenKind.OQuote:
                        ErrorAt("Invalid argument name", "Argument names must not be quoted.", bad);
                        break;
                    case TokenKind.EndOfFile:
                        if (end == TokenKind.CBrace)
                        {
                            Error("Unclosed configuration block",
                                "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                                startS, startE);
                        }
                        else
                        {
                            Error("Unclosed configuration body", "Found end of file before the end of this configuration body.", startS, startE);
                        }
                        break;
                    default:
                        ErrorAt("Argument or block definition required", "An argument or block definition is required here.", bad);
                        break;
                }
            }
            var p = PrevIndex();
            endS = S(p);
            endE = E(p);
            Recover(end);
            break;
        }
        var (itemArray, attrArray, blockArray) = BodyArrays(mark, attrCount, blockCount, redefined);
        return new Body(_map, Math.Min(startS, endS), Math.Max(startE, endE), endE, itemArray, attrArray, blockArray);
    }

    /// <summary>
    /// Exact-size arrays for the items of the body above <paramref name="mark"/> on the scratch stack, which is then
    /// popped. A body of attributes only (or blocks only) shares one array for its items and attributes (or blocks):
    /// array covariance makes an <c>Attribute[]</c> an <c>IReadOnlyList&lt;SyntaxNode&gt;</c>.
    /// </summary>
    private (IReadOnlyList<SyntaxNode> Items, Attribute[] Attributes, Block[] Blocks) BodyArrays(int mark, int attrCount, int blockCount,
        HashSet<Attribute>? redefined)
    {
        var count = _bodyItems.Count - mark;
        var attrs = attrCount == 0 ? [] : new Attribute[attrCount];
        var blocks = blockCount == 0 ? [] : new Block[blockCount];
        SyntaxNode[]? items = count == attrCount || count == blockCount ? null : new SyntaxNode[count];
        int na = 0, nb = 0;
        for (var i = 0; i < count; i++)
        {
            var item = _bodyItems[mark + i];
            if (items != null)
                items[i] = item;
            if (item is Block b)
                blocks[nb++] = b;
            else if (redefined == null || !redefined.Contains((Attribute)item))
                attrs[na++] = (Attribute)item;
        }
        _bodyItems.PopTo(mark);
        if (items != null)
            return (items, attrs, blocks);
        return count == attrCount ? (attrs, attrs, blocks) : (blocks, attrs, blocks);
    }

    private SyntaxNode? ParseBodyItem()
    {
        var ident = Read();
        var nk = PeekKind();
        switch (nk)
        {
            case TokenKind.Equal:
                return FinishAttribute(ident, false);
            case TokenKind.OQuote:
            case TokenKind.OBrace:
            case TokenKind.Ident:
                return FinishBlock(ident);
            default:
                RecoverAfterBodyItem();
                ErrorAt("Argument or block definition required",
                    "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident);
                return null;
        }
    }

    private Body? ParseSingleAttrBody()
    {
        var ident = Read();
        if (Kind(ident) != TokenKind.Ident)
        {
            RecoverAfterBodyItem();
            ErrorAt("Argument or block definition required", "An argument or block definition is required here.", ident);
            return null;
        }
        var ni = PeekIndex();
        switch (Kind(ni))
        {
            case TokenKind.Equal:
            {
                var attr = FinishAttribute(ident, true);
                return new Body(_map, attr.StartOffset, attr.EndOffset, attr.EndOffset, [attr], [attr], []);
            }
            case TokenKind.OQuote:
            case TokenKind.OBrace:
            case TokenKind.Ident:
                RecoverAfterBodyItem();
                Error("Argument definition required",
                    $"A single-line block definition can contain only a single argument. If you meant to define argument \"{Text(ident)}\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.",
                    S(ident), E(ni));
                return null;
            default:
                RecoverAfterBodyItem();
                ErrorAt("Argument or block definition required",
                    "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", ident);
                return null;
        }
    }

    private Attribute FinishAttribute(int ident, bool singleLine)
    {
        var eq = Read();
        var before = _errors;
        var expr = ParseExpression();
        int endTok;
        if (_recovery && _errors > before)
        {
            endTok = PrevIndex();
            RecoverAfterBodyItem();
        }
        else
        {
            endTok = PrevIndex();
            if (!singleLine)
            {
                var ei = PeekIndex();
                var ek = Kind(ei);
                if (ek != TokenKind.Newline && ek != TokenKind.EndOfFile)
                {
                    if (!_recovery)
                    {
                        if (ek == TokenKind.Comma)
                        {
                            ErrorAt("Unexpected comma after argument",
                                "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.", ei, ident);
                        }
                        else
                        {
                            ErrorAt("Missing newline after argument", "An argument definition must end with a newline.", ei, ident);
                        }
                    }
                    endTok = PrevIndex();
                    RecoverAfterBodyItem();
                }
                else
                {
                    endTok = PrevIndex();
                    Read();
                }
            }
        }
        _ = eq; // its offset is found again from the tokens when asked for (Attribute.EqualsRange)
        return new Attribute(_map, S(ident), Math.Max(E(ident), E(endTok)), Text(ident), expr);
    }

    private Block FinishBlock(int ident)
    {
        var type = Text(ident);
        List<string>? labels = null;
        List<(int Start, int End)>? labelSpans = null;
        var errorsBefore = _errors;
        int oBrace;
        while (true)
        {
            var ti = PeekIndex();
            var tk = Kind(ti);
            if (tk == TokenKind.OBrace)
            {
                oBrace = Read();
                break;
            }
            if (tk == TokenKind.OQuote)
            {
                var (label, ls, le) = ParseQuotedStringLiteral();
                (labels ??= _labelLists.Rent()).Add(label);
                (labelSpans ??= _spanLists.Rent()).Add((ls, le));
                continue;
            }
            if (tk == TokenKind.Ident)
            {
                Read();
                (labels ??= _labelLists.Rent()).Add(Text(ti));
                (labelSpans ??= _spanLists.Rent()).Add((S(ti), E(ti)));
                continue;
            }
            switch (tk)
            {
                case TokenKind.Equal:
                    ErrorAt("Invalid block definition", "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.", ti, ident);
                    break;
                case TokenKind.Newline:
                    ErrorAt("Invalid block definition", "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.", ti, ident);
                    break;
                default:
                    if (!_recovery)
                        ErrorAt("Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.", ti, ident);
                    break;
            }
            RecoverAfterBodyItem();
            var (es, ee) = labelSpans is { Count: > 0 } ? labelSpans[^1] : (S(ident), E(ident));
            var emptyBody = new Body(_map, S(ident), E(ident), S(ident), [], [], []);
            return new Block(_map, S(ident), ee, type, Labels(labels), Spans(labelSpans), emptyBody, S(ident), E(ident), es, ee);
        }

        // An error-free header: the label ranges and the brace can be found again from the tokens (Block.LabelRanges).
        var headerOk = _errors == errorsBefore;
        if (!Enter())
        {
            Leave();
            var p = PrevIndex();
            var b0 = new Body(_map, S(oBrace), E(p), E(p), [], [], []);
            return new Block(_map, S(ident), E(p), type, Labels(labels), Spans(labelSpans), b0, S(oBrace), E(oBrace), S(p), E(p));
        }
        Body? body;
        try
        {
            var pk = PeekKind();
            if (pk is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.CBrace)
            {
                body = ParseBody(TokenKind.CBrace);
            }
            else
            {
                var mark = _diags.Count;
                body = ParseSingleAttrBody();
                var ci = PeekIndex();
                switch (Kind(ci))
                {
                    case TokenKind.CBrace:
                        Read();
                        break;
                    case TokenKind.Comma:
                        InsertError(mark, "Invalid single-argument block definition",
                            "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.", ci);
                        Recover(TokenKind.CBrace);
                        break;
                    case TokenKind.Newline:
                        InsertError(mark, "Invalid single-argument block definition",
                            "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", ci);
                        Recover(TokenKind.CBrace);
                        break;
                    default:
                        if (!_recovery)
                        {
                            if (Kind(ci) == TokenKind.EndOfFile)
                            {
                                _diags.Insert(mark, Make("Unclosed configuration block",
                                    "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                                    S(oBrace), E(oBrace), S(ident), E(oBrace)));
                                _errors++;
                            }
                            else
                            {
                                InsertError(mark, "Invalid single-argument block definition",
                                    "A single-line block definition must end with a closing brace immediately after its single argument definition.", ci);
                            }
                        }
                        Recover(TokenKind.CBrace);
                        break;
                }
            }
        }
        finally
        {
            Leave();
        }
        var cb = PrevIndex();
        var eol = PeekIndex();
        if (Kind(eol) is TokenKind.Newline or TokenKind.EndOfFile)
        {
            Read();
        }
        else
        {
            if (!_recovery)
                ErrorAt("Missing newline after block definition", "A block definition must end with a newline.", eol, ident);
            RecoverAfterBodyItem();
        }
        body ??= new Body(_map, S(oBrace), Math.Max(E(oBrace), E(cb)), E(cb), [], [], []);
        var end = Math.Max(E(cb), E(ident));
        if (headerOk && _k[cb] == TokenKind.CBrace && E(cb) == end)
        {
            NoSpans(labelSpans);
            return new Block(_map, S(ident), end, type, Labels(labels), body);
        }
        return new Block(_map, S(ident), end, type, Labels(labels), Spans(labelSpans), body, S(oBrace), E(oBrace), S(cb), E(cb));
    }

    private string[] Labels(List<string>? labels) => labels == null ? [] : _labelLists.ToArrayAndReturn(labels);

    private (int Start, int End)[] Spans(List<(int Start, int End)>? spans) => spans == null ? [] : _spanLists.ToArrayAndReturn(spans);

    private void NoSpans(List<(int Start, int End)>? spans)
    {
        if (spans == null)
            return;
        spans.Clear();
        _spanLists.ToArrayAndReturn(spans);
    }

    private (string Value, int Start, int End) ParseQuotedStringLiteral()
    {
        var oq = Read();
        StringBuilder? sb = null;
        string? single = null;
        int endTok;
        while (true)
        {
            var ti = Read();
            var tk = Kind(ti);
            if (tk == TokenKind.CQuote)
            {
                endTok = ti;
                break;
            }
            if (tk == TokenKind.QuotedLit)
            {
                var s = DecodeLiteral(ti, true);
                Append(s);
                continue;
            }
            if (tk is TokenKind.TemplateControl or TokenKind.TemplateInterp)
            {
                var which = tk == TokenKind.TemplateControl ? "%" : "$";
                ErrorAt("Invalid string literal",
                    $"Template sequences are not allowed in this string. To include a literal \"{which}\", double it (as \"{which}{which}\") to escape it.", ti, oq);
                Append(which + "{ ... }");
                Recover(TokenKind.TemplateSeqEnd);
                continue;
            }
            if (tk == TokenKind.EndOfFile)
            {
                ErrorAt("Unterminated string literal", "Unable to find the closing quote mark before the end of the file.", ti, oq);
                endTok = ti;
                break;
            }
            ErrorAt("Invalid string literal", "This item is not valid in a string literal.", ti, oq);
            Recover(TokenKind.CQuote);
            endTok = ti;
            break;
        }
        var value = sb?.ToString() ?? single ?? "";
        return (value, S(oq), Math.Max(E(oq), E(endTok)));

        void Append(string s)
        {
            if (sb != null)
            {
                sb.Append(s);
            }
            else if (single == null)
            {
                single = s;
            }
            else
            {
                sb = new StringBuilder(single).Append(s);
            }
        }
    }
}
