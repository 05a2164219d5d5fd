using System.Text;

namespace Provisioner.Hcl.Syntax;

internal sealed partial class Parser
{
    /// <summary>Parses a bare template up to end of file (used for <c>ParseTemplate</c>).</summary>
    public Expression ParseBareTemplate()
    {
        var (exprs, passthru, start, end) = ParseTemplateInner(TokenKind.EndOfFile, false);
        if (passthru)
            return new TemplateWrapExpr(_map, start, end, exprs[0]);
        return new TemplateExpr(_map, start, end, exprs);
    }

    private (Expression[] Exprs, bool Passthru, int Start, int End) ParseTemplateInner(TokenKind end, bool flush)
    {
        if (!Enter())
        {
            Leave();
            var i = PrevIndex();
            return ([new LiteralValueExpr(_map, S(i), E(i), LiteralValueKind.Unknown, "")], false, S(i), E(i));
        }
        try
        {
            var (parts, start, stop) = ParseTemplateParts(end);
            if (flush)
                FlushHeredoc(parts);
            Meld(parts);
            var pos = 0;
            var exprs = _exprLists.Rent();
            while (parts[pos].Kind != TemplatePartKind.End)
                exprs.Add(BuildTemplateItem(parts, ref pos));
            var passthru = parts.Count == 2 && parts[0].Kind == TemplatePartKind.Interp;
            foreach (var part in parts)
                _freeParts.Push(part);
            parts.Clear();
            _partLists.ToArrayAndReturn(parts);
            return (_exprLists.ToArrayAndReturn(exprs), passthru, start, stop);
        }
        finally
        {
            Leave();
        }
    }

    private (List<TemplatePart> Parts, int Start, int End) ParseTemplateParts(TokenKind end)
    {
        var parts = _partLists.Rent();
        var startTok = PeekIndex();
        int startS = S(startTok), startE = E(startTok);
        var ltrimNext = false;
        var nextCanTrimPrev = false;
        int endS, endE;
        while (true)
        {
            var next = Read();
            var nk = Kind(next);
            if (nk == end)
            {
                endS = S(next);
                endE = E(next);
                break;
            }
            var ltrim = ltrimNext;
            ltrimNext = false;
            var canTrimPrev = nextCanTrimPrev;
            nextCanTrimPrev = false;
            switch (nk)
            {
                case TokenKind.StringLit:
                case TokenKind.QuotedLit:
                {
                    var str = DecodeLiteral(next, nk == TokenKind.QuotedLit);
                    if (ltrim)
                        str = str.TrimStart();
                    parts.Add(NewPart(TemplatePartKind.Literal, S(next), E(next), str));
                    nextCanTrimPrev = true;
                    continue;
                }
                case TokenKind.TemplateInterp:
                {
                    var stripBefore = E(next) - S(next) == 3;
                    if (canTrimPrev && stripBefore && parts.Count > 0 && parts[^1].Kind == TemplatePartKind.Literal)
                        parts[^1].Value = parts[^1].Value.TrimEnd();
                    PushNl(false);
                    var expr = ParseExpression();
                    var close = PeekIndex();
                    var stripAfter = false;
                    if (Kind(close) != TokenKind.TemplateSeqEnd)
                    {
                        if (!_recovery)
                        {
                            var ck = Kind(close);
                            if (ck == TokenKind.EndOfFile)
                            {
                                Error("Unclosed template interpolation sequence",
                                    "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.",
                                    startS, startE);
                            }
                            else if (ck == TokenKind.Colon)
                            {
                                Error("Extra characters after interpolation expression",
                                    "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with \"$${\" instead of just \"${\".",
                                    S(close), E(close), startS, E(close));
                            }
                            else if ((ck == TokenKind.CQuote || ck == TokenKind.OQuote) && end == TokenKind.CQuote)
                            {
                                Error("Unclosed template interpolation sequence",
                                    "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.",
                                    startS, startE);
                            }
                            else
                            {
                                Error("Extra characters after interpolation expression",
                                    "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with \"$${\" instead of just \"${\".",
                                    S(close), E(close), startS, E(close));
                            }
                        }
                        Recover(TokenKind.TemplateSeqEnd);
                    }
                    else
                    {
                        Read();
                        if (E(close) - S(close) == 2)
                        {
                            ltrimNext = true;
                            stripAfter = true;
                        }
                    }
                    PopNl();
                    var interp = NewPart(TemplatePartKind.Interp, S(next), Math.Max(E(next), E(close)));
                    interp.Expr = expr;
                    interp.StripBefore = stripBefore;
                    interp.StripAfter = stripAfter;
                    parts.Add(interp);
                    continue;
                }
                case TokenKind.TemplateControl:
                {
                    var stripBefore = E(next) - S(next) == 3;
                    if (canTrimPrev && stripBefore && parts.Count > 0 && parts[^1].Kind == TemplatePartKind.Literal)
                        parts[^1].Value = parts[^1].Value.TrimEnd();
                    PushNl(false);
                    var kw = PeekIndex();
                    if (Kind(kw) != TokenKind.Ident)
                    {
                        if (!_recovery)
                        {
                            ErrorAt("Invalid template directive",
                                "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.", kw, next);
                        }
                        Recover(TokenKind.TemplateSeqEnd);
                        PopNl();
                        continue;
                    }
                    Read();
                    TemplatePart? part = null;
                    var keyword = Text(kw);
                    switch (keyword)
                    {
                        case "if":
                        {
                            var cond = ParseExpression();
                            part = NewPart(TemplatePartKind.If);
                            part.Expr = cond;
                            break;
                        }
                        case "else":
                            part = NewPart(TemplatePartKind.Else);
                            break;
                        case "endif":
                            part = NewPart(TemplatePartKind.EndIf);
                            break;
                        case "endfor":
                            part = NewPart(TemplatePartKind.EndFor);
                            break;
                        case "for":
                        {
                            string? keyName = null;
                            if (PeekKind() != TokenKind.Ident)
                            {
                                if (!_recovery)
                                    ErrorAt("Invalid 'for' directive", "For directive requires variable name after 'for'.", PeekIndex());
                                break;
                            }
                            var valName = Text(Read());
                            if (PeekKind() == TokenKind.Comma)
                            {
                                keyName = valName;
                                Read();
                                if (PeekKind() != TokenKind.Ident)
                                {
                                    if (!_recovery)
                                        ErrorAt("Invalid 'for' directive", "For directive requires value variable name after comma.", PeekIndex());
                                    break;
                                }
                                valName = Text(Read());
                            }
                            if (!IsKeyword(PeekIndex(), "in"u8))
                            {
                                if (!_recovery)
                                    ErrorAt("Invalid 'for' directive", "For directive requires 'in' keyword after names.", PeekIndex());
                                break;
                            }
                            Read();
                            var coll = ParseExpression();
                            part = NewPart(TemplatePartKind.For);
                            part.KeyVar = keyName;
                            part.ValueVar = valName;
                            part.Expr = coll;
                            break;
                        }
                        default:
                            if (!_recovery)
                            {
                                var suggestion = NameSuggestion(keyword, ["if", "for", "else", "endif", "endfor"]);
                                if (suggestion != null)
                                    suggestion = $" Did you mean \"{suggestion}\"?";
                                ErrorAt("Invalid template control keyword", $"\"{keyword}\" is not a valid template control keyword.{suggestion}", kw, next);
                            }
                            break;
                    }
                    if (part == null)
                    {
                        Recover(TokenKind.TemplateSeqEnd);
                        PopNl();
                        continue;
                    }
                    var close = PeekIndex();
                    part.Start = S(next);
                    part.End = Math.Max(E(close), E(next));
                    part.StripBefore = stripBefore;
                    parts.Add(part);
                    if (Kind(close) != TokenKind.TemplateSeqEnd)
                    {
                        if (!_recovery)
                        {
                            Error($"Extra characters in {keyword} marker", "Expected a closing brace to end the sequence, but found extra characters.",
                                S(close), E(close), startS, E(close));
                        }
                        Recover(TokenKind.TemplateSeqEnd);
                    }
                    else
                    {
                        Read();
                        if (E(close) - S(close) == 2)
                        {
                            ltrimNext = true;
                            part.StripAfter = true;
                        }
                    }
                    PopNl();
                    continue;
                }
                default:
                {
                    if (!_recovery)
                        Error("Unterminated template string", "No closing marker was found for the string.", S(next), E(next), startS, E(next));
                    var final = Recover(end);
                    endS = S(final);
                    endE = E(final);
                    break;
                }
            }
            break;
        }
        if (parts.Count == 0)
            parts.Add(NewPart(TemplatePartKind.Literal, startE, startE));
        parts.Add(NewPart(TemplatePartKind.End, endS, endE));
        return (parts, Math.Min(startS, endS), Math.Max(startE, endE));
    }

    /// <summary>A template part from the parser's free list (parts are scratch: none outlives its template).</summary>
    private TemplatePart NewPart(TemplatePartKind kind, int start = 0, int end = 0, string value = "")
    {
        if (!_freeParts.TryPop(out var part))
            part = new TemplatePart();
        part.Kind = kind;
        part.Start = start;
        part.End = end;
        part.Value = value;
        part.Expr = null;
        part.KeyVar = null;
        part.ValueVar = null;
        part.StripBefore = false;
        part.StripAfter = false;
        return part;
    }

    private static string? NameSuggestion(string given, string[] suggestions)
    {
        foreach (var s in suggestions)
        {
            if (Levenshtein(given, s) < 3)
                return s;
        }
        return null;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>HCL's flush-heredoc rule: remove the smallest line-leading whitespace count from every line-leading literal.</summary>
    private void FlushHeredoc(List<TemplatePart> parts)
    {
        var minSpaces = int.MaxValue;
        var newline = true;
        var adjust = _heredocAdjust;
        adjust.Clear();
        foreach (var p in parts)
        {
            if (newline)
            {
                newline = false;
                var spaces = 0;
                if (p.Kind == TemplatePartKind.Literal)
                {
                    var trimmedLength = p.Value.AsSpan().TrimStart().Length;
                    if (trimmedLength == 0 && p.Value.EndsWith('\n'))
                    {
                        spaces = int.MaxValue;
                    }
                    else
                    {
                        spaces = p.Value.Length - trimmedLength;
                        adjust.Add((p, spaces));
                    }
                }
                else if (p.Kind == TemplatePartKind.End)
                {
                    break;
                }
                if (spaces < minSpaces)
                    minSpaces = spaces;
            }
            if (p.Kind == TemplatePartKind.Literal && p.Value.EndsWith('\n'))
                newline = true;
        }
        if (minSpaces == 0 || minSpaces == int.MaxValue)
            return;
        foreach (var (p, _) in adjust)
        {
            var removed = p.Value[..minSpaces];
            p.Value = p.Value[minSpaces..];
            p.Start += Encoding.UTF8.GetByteCount(removed);
        }
    }

    /// <summary>Joins each run of adjacent literal parts into its first part (one concatenation per run).</summary>
    private void Meld(List<TemplatePart> parts)
    {
        var w = 0;
        var r = 0;
        while (r < parts.Count)
        {
            var p = parts[r++];
            parts[w++] = p;
            if (p.Kind != TemplatePartKind.Literal || r >= parts.Count || parts[r].Kind != TemplatePartKind.Literal)
                continue;
            var runEnd = r;
            while (runEnd < parts.Count && parts[runEnd].Kind == TemplatePartKind.Literal)
                runEnd++;
            var length = p.Value.Length;
            for (var i = r; i < runEnd; i++)
                length += parts[i].Value.Length;
            p.Value = string.Create(length, (Parts: parts, First: r - 1, End: runEnd), static (dest, run) =>
            {
                for (var i = run.First; i < run.End; i++)
                {
                    run.Parts[i].Value.AsSpan().CopyTo(dest);
                    dest = dest[run.Parts[i].Value.Length..];
                }
            });
            for (; r < runEnd; r++)
            {
                p.End = parts[r].End;
                _freeParts.Push(parts[r]);
            }
        }
        parts.RemoveRange(w, parts.Count - w);
    }

    private LiteralValueExpr Placeholder(int start, int end) => new(_map, start, end, LiteralValueKind.Unknown, "");

    private Expression BuildTemplateItem(List<TemplatePart> parts, ref int pos)
    {
        var p = parts[pos];
        switch (p.Kind)
        {
            case TemplatePartKind.Literal:
                pos++;
                return new LiteralValueExpr(_map, p.Start, p.End, LiteralValueKind.String, p.Value);
            case TemplatePartKind.Interp:
                pos++;
                return p.Expr!;
            case TemplatePartKind.If:
                return BuildIf(parts, ref pos);
            case TemplatePartKind.For:
                return BuildFor(parts, ref pos);
            case TemplatePartKind.End:
                Error("Unexpected end of template", "The control directives within this template are unbalanced.", p.Start, p.End);
                return Placeholder(p.Start, p.End);
            default:
                pos++;
                Error($"Unexpected {p.DirectiveName} directive", "The control directives within this template are unbalanced.", p.Start, p.End);
                return Placeholder(p.Start, p.End);
        }
    }

    private TemplateExpr MakeArm(List<Expression> exprs, int emptyAt)
    {
        if (exprs.Count == 0)
            exprs.Add(new LiteralValueExpr(_map, emptyAt, emptyAt, LiteralValueKind.String, ""));
        int start = exprs[0].StartOffset, end = exprs[^1].EndOffset;
        return new TemplateExpr(_map, start, end, _exprLists.ToArrayAndReturn(exprs));
    }

    private Expression BuildIf(List<TemplatePart> parts, ref int pos)
    {
        var open = parts[pos++];
        var ifExprs = _exprLists.Rent();
        var elseExprs = _exprLists.Rent();
        var current = ifExprs;
        TemplatePart? elsePart = null;
        TemplatePart endif;
        while (true)
        {
            var next = parts[pos];
            if (next.Kind == TemplatePartKind.End)
            {
                Error("Unexpected end of template", $"The if directive at {RangeOf(open)} is missing its corresponding endif directive.", next.Start, next.End);
                return Placeholder(next.Start, next.End);
            }
            if (next.Kind is TemplatePartKind.Else or TemplatePartKind.EndIf or TemplatePartKind.EndFor)
            {
                pos++;
                if (next.Kind == TemplatePartKind.Else)
                {
                    if (current == ifExprs)
                    {
                        current = elseExprs;
                        elsePart = next;
                        continue;
                    }
                    Error("Unexpected else directive", $"Already in the else clause for the if started at {RangeOf(open)}.", next.Start, next.End);
                }
                else if (next.Kind == TemplatePartKind.EndIf)
                {
                    endif = next;
                    break;
                }
                else
                {
                    Error($"Unexpected {next.DirectiveName} directive", $"Expecting an endif directive for the if started at {RangeOf(open)}.", next.Start, next.End);
                }
                return Placeholder(next.Start, next.End);
            }
            current.Add(BuildTemplateItem(parts, ref pos));
        }
        var trueArm = MakeArm(ifExprs, open.End);
        var falseArm = MakeArm(elseExprs, endif.Start);
        return new TemplateIfExpr(_map, open.Start, endif.End, open.Expr!, trueArm, falseArm, open.Marker, elsePart?.Marker, endif.Marker);
    }

    private Expression BuildFor(List<TemplatePart> parts, ref int pos)
    {
        var open = parts[pos++];
        var content = _exprLists.Rent();
        TemplatePart endfor;
        while (true)
        {
            var next = parts[pos];
            if (next.Kind == TemplatePartKind.End)
            {
                Error("Unexpected end of template", $"The for directive at {RangeOf(open)} is missing its corresponding endfor directive.", next.Start, next.End);
                return Placeholder(next.Start, next.End);
            }
            if (next.Kind is TemplatePartKind.Else or TemplatePartKind.EndIf or TemplatePartKind.EndFor)
            {
                pos++;
                if (next.Kind == TemplatePartKind.EndFor)
                {
                    endfor = next;
                    break;
                }
                if (next.Kind == TemplatePartKind.Else)
                    Error("Unexpected else directive", "An else clause is not expected for a for directive.", next.Start, next.End);
                else
                    Error($"Unexpected {next.DirectiveName} directive", $"Expecting an endfor directive corresponding to the for directive at {RangeOf(open)}.", next.Start, next.End);
                return Placeholder(next.Start, next.End);
            }
            content.Add(BuildTemplateItem(parts, ref pos));
        }
        var body = MakeArm(content, open.End);
        return new TemplateForExpr(_map, open.Start, endfor.End, open.KeyVar, open.ValueVar!, open.Expr!, body, open.Marker, endfor.Marker);
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private string RangeOf(TemplatePart p) => _map.Range(p.Start, p.End).ToString();

    /// <summary>Decodes a literal token: escapes (quoted only), <c>$${</c> and <c>%%{</c>. Reports invalid escapes.</summary>
    private string DecodeLiteral(int tok, bool quoted)
    {
        var start = S(tok);
        var s = Src[start..E(tok)];
        if (quoted ? s.IndexOfAny((byte)'\\', (byte)'$', (byte)'%') < 0 : s.IndexOfAny((byte)'$', (byte)'%') < 0)
            return _names.Get(s);
        var buf = new List<byte>(s.Length);
        Span<byte> enc = stackalloc byte[4];
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if (quoted && b == '\\')
            {
                if (i + 1 >= s.Length)
                {
                    Error("Invalid escape sequence", "Backslash must be followed by an escape sequence selector character.", start + i, start + i + 1);
                    buf.Add(b);
                    i++;
                    continue;
                }
                var c = s[i + 1];
                switch (c)
                {
                    case (byte)'n':
                        buf.Add((byte)'\n');
                        i += 2;
                        continue;
                    case (byte)'r':
                        buf.Add((byte)'\r');
                        i += 2;
                        continue;
                    case (byte)'t':
                        buf.Add((byte)'\t');
                        i += 2;
                        continue;
                    case (byte)'"':
                        buf.Add((byte)'"');
                        i += 2;
                        continue;
                    case (byte)'\\':
                        buf.Add((byte)'\\');
                        i += 2;
                        continue;
                    case (byte)'u':
                    case (byte)'U':
                    {
                        var want = c == 'u' ? 4 : 8;
                        var j = i + 2;
                        uint num = 0;
                        while (j < s.Length && j - (i + 2) < want && Uri.IsHexDigit((char)s[j]))
                        {
                            num = (num << 4) | (uint)HexValue(s[j]);
                            j++;
                        }
                        if (j - (i + 2) != want)
                        {
                            Error("Invalid escape sequence",
                                c == 'u' ? "The \\u escape sequence must be followed by four hexadecimal digits." : "The \\U escape sequence must be followed by eight hexadecimal digits.",
                                start + i, start + j);
                            for (var k = i; k < j; k++)
                                buf.Add(s[k]);
                            i = j;
                            continue;
                        }
                        if (!Rune.IsValid(num))
                        {
                            Error("Invalid escape sequence", $"Cannot encode character U+{num:x4} in UTF-8.", start + i, start + j);
                            for (var k = i; k < j; k++)
                                buf.Add(s[k]);
                            i = j;
                            continue;
                        }
                        var n = new Rune(num).EncodeToUtf8(enc);
                        for (var k = 0; k < n; k++)
                            buf.Add(enc[k]);
                        i = j;
                        continue;
                    }
                    default:
                    {
                        var len = 1;
                        if (c >= 0x80 && Rune.DecodeFromUtf8(s[(i + 1)..], out _, out var l) == System.Buffers.OperationStatus.Done)
                            len = l;
                        var sel = Encoding.UTF8.GetString(s.Slice(i + 1, len));
                        Error("Invalid escape sequence", $"The symbol \"{sel}\" is not a valid escape sequence selector.", start + i, start + i + 1 + len);
                        for (var k = 0; k < len; k++)
                            buf.Add(s[i + 1 + k]);
                        i += 1 + len;
                        continue;
                    }
                }
            }
            if ((b == '$' || b == '%') && i + 2 < s.Length && s[i + 1] == b && s[i + 2] == '{')
            {
                buf.Add(b);
                buf.Add((byte)'{');
                i += 3;
                continue;
            }
            buf.Add(b);
            i++;
        }
        return Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buf));
    }
}
