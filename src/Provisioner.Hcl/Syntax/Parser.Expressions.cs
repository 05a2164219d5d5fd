using System.Text;

namespace Provisioner.Hcl.Syntax;

internal sealed partial class Parser
{
    /// <summary>Parses a whole input as one expression, reporting extra characters after it.</summary>
    public Expression ParseStandaloneExpression()
    {
        PushNl(false);
        var expr = ParseExpression();
        var next = PeekIndex();
        if (Kind(next) != TokenKind.EndOfFile && !_recovery)
            ErrorAt("Extra characters after expression", "An expression was successfully parsed, but extra characters were found after it.", next);
        PopNl();
        return expr;
    }

    public Expression ParseExpression()
    {
        if (!Enter())
        {
            Leave();
            var i = PeekIndex();
            return new LiteralValueExpr(_map, S(i), E(i), LiteralValueKind.Unknown, "");
        }
        try
        {
            return ParseTernary();
        }
        finally
        {
            Leave();
        }
    }

    private Expression ParseTernary()
    {
        var startTok = PeekIndex();
        var before = _errors;
        var cond = ParseBinary(0);
        if (_recovery && _errors > before)
            return cond;
        if (PeekKind() != TokenKind.Question)
            return cond;
        Read();
        before = _errors;
        var trueExpr = ParseExpression();
        if (_recovery && _errors > before)
            return cond;
        var ci = PeekIndex();
        if (Kind(ci) != TokenKind.Colon)
        {
            ErrorAt("Missing false expression in conditional", "The conditional operator (...?...:...) requires a false expression, delimited by a colon.", ci, startTok);
            return cond;
        }
        Read();
        before = _errors;
        var falseExpr = ParseExpression();
        if (_recovery && _errors > before)
            return cond;
        return new ConditionalExpr(_map, Math.Min(S(startTok), cond.StartOffset), falseExpr.EndOffset, cond, trueExpr, falseExpr);
    }

    /// <summary>Binary operator for a token and its level (0 = loosest: <c>||</c>; 5 = tightest: <c>* / %</c>).</summary>
    private static int OperatorLevel(TokenKind k, out BinaryOperator op)
    {
        switch (k)
        {
            case TokenKind.Or:
                op = BinaryOperator.LogicalOr;
                return 0;
            case TokenKind.And:
                op = BinaryOperator.LogicalAnd;
                return 1;
            case TokenKind.EqualOp:
                op = BinaryOperator.Equal;
                return 2;
            case TokenKind.NotEqual:
                op = BinaryOperator.NotEqual;
                return 2;
            case TokenKind.GreaterThan:
                op = BinaryOperator.GreaterThan;
                return 3;
            case TokenKind.GreaterThanEq:
                op = BinaryOperator.GreaterThanOrEqual;
                return 3;
            case TokenKind.LessThan:
                op = BinaryOperator.LessThan;
                return 3;
            case TokenKind.LessThanEq:
                op = BinaryOperator.LessThanOrEqual;
                return 3;
            case TokenKind.Plus:
                op = BinaryOperator.Add;
                return 4;
            case TokenKind.Minus:
                op = BinaryOperator.Subtract;
                return 4;
            case TokenKind.Star:
                op = BinaryOperator.Multiply;
                return 5;
            case TokenKind.Slash:
                op = BinaryOperator.Divide;
                return 5;
            case TokenKind.Percent:
                op = BinaryOperator.Modulo;
                return 5;
            default:
                op = default;
                return -1;
        }
    }

    /// <summary>
    /// Precedence climbing over operators of level &gt;= <paramref name="minLevel"/>; same-level operators
    /// associate to the left. Gives hclsyntax's trees and, on errors, bails out at the same points.
    /// </summary>
    private Expression ParseBinary(int minLevel)
    {
        var before = _errors;
        var lhs = ParseExpressionWithTraversals();
        if (_recovery && _errors > before)
            return lhs;
        while (true)
        {
            var ni = PeekIndex();
            var level = OperatorLevel(Kind(ni), out var op);
            if (level < minLevel)
                return lhs;
            var opTok = Read();
            before = _errors;
            var rhs = ParseBinary(level + 1);
            if (_recovery && _errors > before)
                return lhs;
            lhs = new BinaryOpExpr(_map, lhs.StartOffset, rhs.EndOffset, lhs, op, S(opTok), rhs);
        }
    }

    private Expression ParseExpressionWithTraversals()
    {
        var term = ParseTerm();
        return ParseTraversals(term);
    }

    private Expression MakeRelative(Expression expr, TraversalStep step)
    {
        switch (expr)
        {
            case ScopeTraversalExpr s:
                s.AddStep(step);
                s.EndOffset = Math.Max(s.EndOffset, step.EndOffset);
                return s;
            case RelativeTraversalExpr r:
                r.AddStep(step);
                r.EndOffset = Math.Max(r.EndOffset, step.EndOffset);
                return r;
            default:
                return new RelativeTraversalExpr(_map, expr.StartOffset, Math.Max(expr.EndOffset, step.EndOffset), expr, step);
        }
    }

    /// <summary>
    /// Extends a traversal whose steps are still deferred (see <see cref="ScopeTraversalExpr"/>) by a plain step
    /// ending at <paramref name="end"/>, without building it. Only in an error-free parse, so the tokens have
    /// exactly the shapes <see cref="DeferredSteps"/> expects.
    /// </summary>
    private bool TryDefer(Expression target, int end)
    {
        if (_errors != 0 || target is not ScopeTraversalExpr { StepsDeferred: true } s)
            return false;
        s.EndOffset = Math.Max(s.EndOffset, end);
        return true;
    }

    /// <summary>True for an index key that is one number token or a quoted string without escapes or sequences.</summary>
    private bool IsPlainIndexKey(int keyTok, Expression key)
    {
        switch (_k[keyTok])
        {
            case TokenKind.NumberLit:
                return key is LiteralValueExpr { Kind: LiteralValueKind.Number } n && n.StartOffset == S(keyTok) && n.EndOffset == E(keyTok);
            case TokenKind.OQuote:
                if (key is not TemplateExpr t || !t.IsStringLiteral || t.StartOffset != S(keyTok))
                    return false;
                if (_k[keyTok + 1] == TokenKind.CQuote)
                    return t.EndOffset == E(keyTok + 1);
                return _k[keyTok + 1] == TokenKind.QuotedLit && _k[keyTok + 2] == TokenKind.CQuote && t.EndOffset == E(keyTok + 2)
                    && Src[S(keyTok + 1)..E(keyTok + 1)].IndexOfAny((byte)'\\', (byte)'$', (byte)'%') < 0;
            default:
                return false;
        }
    }

    private TraversalStep LegacyIndexStep(int dot, int num, string detailFormat, int subjectTok)
    {
        var text = Text(num);
        var dotIdx = text.IndexOf('.', StringComparison.Ordinal);
        if (dotIdx >= 0)
        {
            ErrorAt("Invalid legacy index syntax", string.Format(System.Globalization.CultureInfo.InvariantCulture, detailFormat, text[..dotIdx], text[(dotIdx + 1)..]), subjectTok);
            return new TraverseIndex(_map, S(dot), E(num), IndexKeyKind.Unknown, "", true);
        }
        return new TraverseIndex(_map, S(dot), E(num), IndexKeyKind.Number, text, true);
    }

    private const string LegacyChainDetail =
        "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [{0}][{1}].";

    private const string LegacySplatChainDetail =
        "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like [{0}][{1}].";

    private Expression ParseTraversals(Expression from)
    {
        var ret = from;
        while (true)
        {
            var ni = PeekIndex();
            var nk = Kind(ni);
            if (nk == TokenKind.Dot)
            {
                var dot = Read();
                var attrTok = PeekIndex();
                switch (Kind(attrTok))
                {
                    case TokenKind.Ident:
                        Read();
                        if (TryDefer(ret, E(attrTok)))
                            break;
                        ret = MakeRelative(ret, new TraverseAttr(_map, S(dot), E(attrTok), Text(attrTok)));
                        break;
                    case TokenKind.NumberLit:
                        Read();
                        if (Src[S(attrTok)..E(attrTok)].IndexOf((byte)'.') < 0 && TryDefer(ret, E(attrTok)))
                            break;
                        ret = MakeRelative(ret, LegacyIndexStep(dot, attrTok, LegacyChainDetail, attrTok));
                        break;
                    case TokenKind.Star:
                    {
                        var marker = Read();
                        var steps = new List<TraversalStep>();
                        var firstTok = PeekIndex();
                        var lastEnd = E(marker);
                        var abandoned = false;
                        while (PeekKind() == TokenKind.Dot)
                        {
                            var d = Read();
                            if (PeekKind() == TokenKind.NumberLit)
                            {
                                var n = Read();
                                steps.Add(LegacyIndexStep(d, n, LegacySplatChainDetail, marker));
                                lastEnd = E(n);
                                continue;
                            }
                            if (PeekKind() != TokenKind.Ident)
                            {
                                if (!_recovery)
                                {
                                    if (PeekKind() == TokenKind.Star)
                                        ErrorAt("Nested splat expression not allowed", "A splat expression (*) cannot be used inside another attribute-only splat expression.", PeekIndex());
                                    else
                                        ErrorAt("Invalid attribute name", "An attribute name is required after a dot.", marker);
                                }
                                _recovery = true;
                                abandoned = true;
                                break;
                            }
                            var at = Read();
                            steps.Add(new TraverseAttr(_map, S(d), E(at), Text(at)));
                            lastEnd = E(at);
                        }
                        if (abandoned)
                            break;
                        var item = new AnonSymbolExpr(_map, S(dot), E(marker));
                        Expression each = steps.Count == 0
                            ? item
                            : new RelativeTraversalExpr(_map, Math.Min(S(firstTok), steps[0].StartOffset), lastEnd, item, steps);
                        ret = new SplatExpr(_map, from.StartOffset, lastEnd, ret, each, item, true, S(dot), E(marker));
                        break;
                    }
                    default:
                        ErrorAt("Invalid attribute name", "An attribute name is required after a dot.", attrTok);
                        ret = new ExprSyntaxError(_map, from.StartOffset, E(dot));
                        _recovery = true;
                        break;
                }
                continue;
            }
            if (nk == TokenKind.OBrack)
            {
                var open = Read();
                if (PeekKind() == TokenKind.Star)
                {
                    Read();
                    var close = Read();
                    if (Kind(close) != TokenKind.CBrack && !_recovery)
                    {
                        ErrorAt("Missing close bracket on splat index", "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").", close);
                        close = Recover(TokenKind.CBrack);
                    }
                    var item = new AnonSymbolExpr(_map, S(open), E(close));
                    Expression each;
                    if (Enter())
                    {
                        try
                        {
                            each = ParseTraversals(item);
                        }
                        finally
                        {
                            Leave();
                        }
                    }
                    else
                    {
                        Leave();
                        each = item;
                    }
                    ret = new SplatExpr(_map, from.StartOffset, Math.Max(each.EndOffset, E(close)), ret, each, item, false, S(open), E(close));
                }
                else
                {
                    PushNl(false);
                    var before = _errors;
                    var keyTok = PeekIndex();
                    var key = ParseExpression();
                    int close;
                    if (_recovery && _errors > before)
                    {
                        close = Recover(TokenKind.CBrack);
                    }
                    else
                    {
                        close = Read();
                        if (Kind(close) != TokenKind.CBrack && !_recovery)
                        {
                            ErrorAt("Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").", close);
                            close = Recover(TokenKind.CBrack);
                        }
                    }
                    PopNl();
                    var end = Math.Max(E(close), S(open) + 1);
                    if (IsPlainIndexKey(keyTok, key) && TryDefer(ret, end))
                    {
                        // the step is rebuilt from the tokens when asked for
                    }
                    else if (key is LiteralValueExpr lit)
                    {
                        var kind = lit.Kind switch
                        {
                            LiteralValueKind.Number => IndexKeyKind.Number,
                            LiteralValueKind.String => IndexKeyKind.String,
                            LiteralValueKind.Bool => IndexKeyKind.Bool,
                            LiteralValueKind.Null => IndexKeyKind.Null,
                            _ => IndexKeyKind.Unknown,
                        };
                        ret = MakeRelative(ret, new TraverseIndex(_map, S(open), end, kind, lit.Text, false));
                    }
                    else if (key is TemplateExpr t && t.IsStringLiteral)
                    {
                        ret = MakeRelative(ret, new TraverseIndex(_map, S(open), end, IndexKeyKind.String, ((LiteralValueExpr)t.Parts[0]).Text, false));
                    }
                    else
                    {
                        ret = new IndexExpr(_map, from.StartOffset, Math.Max(end, from.EndOffset), ret, key, S(open));
                    }
                }
                continue;
            }
            return ret;
        }
    }

    private Expression ParseTerm()
    {
        var si = PeekIndex();
        switch (Kind(si))
        {
            case TokenKind.OParen:
            {
                var open = Read();
                PushNl(false);
                var before = _errors;
                var expr = ParseExpression();
                if (_errors > before)
                {
                    Recover(TokenKind.CParen);
                    PopNl();
                    return expr;
                }
                var ci = PeekIndex();
                if (Kind(ci) != TokenKind.CParen)
                {
                    ErrorAt("Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.", ci, si);
                    _recovery = true;
                }
                var cp = Read();
                PopNl();
                return new ParenthesesExpr(_map, S(open), Math.Max(E(cp), expr.EndOffset), expr);
            }
            case TokenKind.NumberLit:
                Read();
                return new LiteralValueExpr(_map, S(si), E(si));
            case TokenKind.Ident:
            {
                Read();
                var pk = PeekKind();
                if (pk is TokenKind.OParen or TokenKind.DoubleColon)
                    return FinishFunctionCall(si);
                var span = Src[S(si)..E(si)];
                if (span.SequenceEqual("true"u8))
                    return new LiteralValueExpr(_map, S(si), E(si));
                if (span.SequenceEqual("false"u8))
                    return new LiteralValueExpr(_map, S(si), E(si));
                if (span.SequenceEqual("null"u8))
                    return new LiteralValueExpr(_map, S(si), E(si));
                return new ScopeTraversalExpr(_map, S(si), E(si));
            }
            case TokenKind.OQuote:
            case TokenKind.OHeredoc:
            {
                var open = Read();
                if (Kind(open) == TokenKind.OQuote && TrySimpleString(open) is { } simple)
                    return simple;
                var closer = Opposite(Kind(open));
                var flush = Kind(open) == TokenKind.OHeredoc && E(open) - S(open) > 2 && Src[S(open) + 2] == '-';
                var (exprs, passthru, _, _) = ParseTemplateInner(closer, flush);
                var close = PrevIndex();
                var end = Math.Max(E(open), E(close));
                if (passthru)
                    return new TemplateWrapExpr(_map, S(open), end, exprs[0]);
                return new TemplateExpr(_map, S(open), end, exprs);
            }
            case TokenKind.Minus:
            case TokenKind.Bang:
            {
                var tok = Read();
                Expression operand;
                if (Enter())
                {
                    try
                    {
                        operand = ParseExpressionWithTraversals();
                    }
                    finally
                    {
                        Leave();
                    }
                }
                else
                {
                    Leave();
                    var i = PeekIndex();
                    operand = new LiteralValueExpr(_map, S(i), E(i), LiteralValueKind.Unknown, "");
                }
                var op = Kind(tok) == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.LogicalNot;
                return new UnaryOpExpr(_map, S(tok), Math.Max(E(tok), operand.EndOffset), op, operand);
            }
            case TokenKind.OBrack:
                return ParseTupleCons();
            case TokenKind.OBrace:
                return ParseObjectCons();
            default:
                if (!_recovery)
                {
                    if (Kind(si) == TokenKind.EndOfFile)
                        ErrorAt("Missing expression", "Expected the start of an expression, but found the end of the file.", si);
                    else
                        ErrorAt("Invalid expression", "Expected the start of an expression, but found an invalid expression token.", si);
                }
                _recovery = true;
                return new LiteralValueExpr(_map, S(si), E(si), LiteralValueKind.Unknown, "");
        }
    }

    /// <summary>Fast path for the common <c>"text"</c> with no interpolation, escapes or errors.</summary>
    private TemplateExpr? TrySimpleString(int open)
    {
        var i = open + 1;
        if (_k[i] == TokenKind.CQuote)
        {
            _pos = i + 1;
            _prev = i;
            return new TemplateExpr(_map, S(open), E(i));
        }
        if (_k[i] != TokenKind.QuotedLit || _k[i + 1] != TokenKind.CQuote)
            return null;
        var bytes = Src[S(i)..E(i)];
        if (bytes.IndexOfAny((byte)'\\', (byte)'$', (byte)'%') >= 0)
            return null;
        _pos = i + 2;
        _prev = i + 1;
        return new TemplateExpr(_map, S(open), E(i + 1)); // the literal part is built from the source when asked for
    }

    private Expression FinishFunctionCall(int nameTok)
    {
        var openTok = Read();
        var name = Text(nameTok);
        var namespaced = false;
        var contiguous = true;
        var nameEnd = E(nameTok);
        while (Kind(openTok) == TokenKind.DoubleColon)
        {
            var nn = Read();
            if (Kind(nn) != TokenKind.Ident)
            {
                ErrorAt("Missing function name", "Function scope resolution symbol :: must be followed by a function name in this scope.", nn, nameTok);
                RecoverOver(TokenKind.OParen);
                return new ExprSyntaxError(_map, S(nameTok), Math.Max(E(nn), E(nameTok)));
            }
            contiguous &= S(openTok) == nameEnd && S(nn) == E(openTok);
            namespaced = true;
            nameEnd = E(nn);
            openTok = Read();
        }
        if (Kind(openTok) != TokenKind.OParen)
        {
            ErrorAt("Missing open parenthesis", "Function selector must be followed by an open parenthesis to begin the function call.", openTok, nameTok);
            RecoverOver(TokenKind.OParen);
            return new ExprSyntaxError(_map, S(nameTok), Math.Max(E(openTok), nameEnd));
        }

        var args = _exprLists.Rent();
        var expandFinal = false;
        var closeTok = -1;
        PushNl(false);
        while (true)
        {
            var ti = PeekIndex();
            if (Kind(ti) == TokenKind.CParen)
            {
                closeTok = Read();
                break;
            }
            var before = _errors;
            var arg = ParseExpression();
            args.Add(arg);
            if (_recovery && _errors > before)
            {
                var rt = Recover(TokenKind.CParen);
                if (Kind(rt) == TokenKind.CParen)
                    closeTok = rt;
                break;
            }
            var sep = Read();
            var sk = Kind(sep);
            if (sk == TokenKind.CParen)
            {
                closeTok = sep;
                break;
            }
            if (sk == TokenKind.Ellipsis)
            {
                expandFinal = true;
                if (PeekKind() != TokenKind.CParen)
                {
                    if (!_recovery)
                        ErrorAt("Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.", sep, nameTok);
                    closeTok = Recover(TokenKind.CParen);
                }
                else
                {
                    closeTok = Read();
                }
                break;
            }
            if (sk != TokenKind.Comma)
            {
                if (sk == TokenKind.EndOfFile)
                {
                    Error("Unterminated function call",
                        "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.",
                        S(nameTok), E(openTok));
                }
                else
                {
                    ErrorAt("Missing argument separator", "A comma is required to separate each function argument from the next.", sep, nameTok);
                }
                closeTok = Recover(TokenKind.CParen);
                break;
            }
            if (PeekKind() == TokenKind.CParen)
            {
                closeTok = Read();
                break;
            }
        }
        PopNl();
        if (closeTok < 0)
            closeTok = PrevIndex();
        if (namespaced)
            name = contiguous ? _names.Get(Src[S(nameTok)..nameEnd]) : JoinName(nameTok, nameEnd);
        return new FunctionCallExpr(_map, S(nameTok), Math.Max(E(closeTok), E(openTok)), name, nameEnd, _exprLists.ToArrayAndReturn(args), expandFinal,
            S(openTok), S(closeTok), E(closeTok));
    }

    /// <summary>A namespaced function name written with spaces or comments around its <c>::</c>: its names and separators.</summary>
    private string JoinName(int nameTok, int nameEnd)
    {
        var sb = new StringBuilder();
        for (var i = nameTok; S(i) < nameEnd; i++)
        {
            if (_k[i] is TokenKind.Ident or TokenKind.DoubleColon)
                sb.Append(Text(i));
        }
        return sb.ToString();
    }

    private Expression ParseTupleCons()
    {
        var open = Read();
        PushNl(false);
        try
        {
            if (IsKeyword(PeekIndex(), "for"u8))
                return FinishFor(open);
            var items = _exprLists.Rent();
            int close;
            while (true)
            {
                var ni = PeekIndex();
                if (Kind(ni) == TokenKind.CBrack)
                {
                    close = Read();
                    break;
                }
                var before = _errors;
                var e = ParseExpression();
                items.Add(e);
                if (_recovery && _errors > before)
                {
                    close = Recover(TokenKind.CBrack);
                    break;
                }
                ni = PeekIndex();
                if (Kind(ni) == TokenKind.CBrack)
                {
                    close = Read();
                    break;
                }
                if (Kind(ni) != TokenKind.Comma)
                {
                    if (!_recovery)
                    {
                        if (Kind(ni) == TokenKind.EndOfFile)
                        {
                            ErrorAt("Unterminated tuple constructor expression",
                                "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.", open);
                        }
                        else
                        {
                            ErrorAt("Missing item separator", "Expected a comma to mark the beginning of the next item.", ni, open);
                        }
                    }
                    close = Recover(TokenKind.CBrack);
                    break;
                }
                Read();
            }
            return new TupleConsExpr(_map, S(open), Math.Max(E(open), E(close)), _exprLists.ToArrayAndReturn(items));
        }
        finally
        {
            PopNl();
        }
    }

    private Expression ParseObjectCons()
    {
        var open = Read();
        PushNl(false);
        var isFor = IsKeyword(PeekIndex(), "for"u8);
        PopNl();
        if (isFor)
            return FinishFor(open);

        PushNl(true);
        try
        {
            var items = _itemLists.Rent();
            int close;
            while (true)
            {
                var ni = PeekIndex();
                var nk = Kind(ni);
                if (nk == TokenKind.Newline)
                {
                    Read();
                    continue;
                }
                if (nk == TokenKind.CBrace)
                {
                    close = Read();
                    break;
                }
                ObjectConsKeyExpr keyExpr;
                if (IsBareKey(ni))
                {
                    // `name =` or `name:`: what ParseExpression would return (a step-less traversal), kept as just the name
                    Read();
                    keyExpr = new ObjectConsKeyExpr(_map, S(ni), E(ni), Text(ni));
                }
                else
                {
                    var before = _errors;
                    var key = ParseExpression();
                    if (_recovery && _errors > before)
                    {
                        close = Recover(TokenKind.CBrace);
                        break;
                    }
                    keyExpr = new ObjectConsKeyExpr(_map, key.StartOffset, key.EndOffset, key);
                }
                ni = PeekIndex();
                nk = Kind(ni);
                if (nk != TokenKind.Equal && nk != TokenKind.Colon)
                {
                    if (!_recovery)
                    {
                        switch (nk)
                        {
                            case TokenKind.Newline:
                            case TokenKind.Comma:
                                ErrorAt("Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").", ni, open);
                                break;
                            case TokenKind.Ident:
                                ErrorAt("Missing key/value separator",
                                    "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.",
                                    ni, open);
                                break;
                            case TokenKind.EndOfFile:
                                ErrorAt("Unterminated object constructor expression",
                                    "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", open);
                                break;
                            default:
                                ErrorAt("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", ni, open);
                                break;
                        }
                    }
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                Read();
                var valueBefore = _errors;
                var value = ParseExpression();
                items.Add(new ObjectConsItem(keyExpr, value));
                if (_recovery && _errors > valueBefore)
                {
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                ni = PeekIndex();
                nk = Kind(ni);
                if (nk == TokenKind.CBrace)
                {
                    close = Read();
                    break;
                }
                if (nk != TokenKind.Comma && nk != TokenKind.Newline)
                {
                    if (!_recovery)
                    {
                        if (nk == TokenKind.EndOfFile)
                        {
                            ErrorAt("Unterminated object constructor expression",
                                "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", open);
                        }
                        else
                        {
                            ErrorAt("Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.", ni, open);
                        }
                    }
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                Read();
            }
            return new ObjectConsExpr(_map, S(open), Math.Max(E(open), E(close)), _itemLists.ToArrayAndReturn(items));
        }
        finally
        {
            PopNl();
        }
    }

    /// <summary>An identifier (not a keyword literal) directly followed by <c>=</c> or <c>:</c> on the same line.</summary>
    private bool IsBareKey(int i)
    {
        if (_k[i] != TokenKind.Ident || _depth >= MaxDepth - 1)
            return false;
        var j = i + 1;
        while (_k[j] is TokenKind.Whitespace or TokenKind.Comment or TokenKind.Bom || (!_nl && _k[j] is TokenKind.Newline or TokenKind.LineComment))
            j++;
        if (_k[j] is not (TokenKind.Equal or TokenKind.Colon))
            return false;
        var name = Src[S(i)..E(i)];
        return !name.SequenceEqual("true"u8) && !name.SequenceEqual("false"u8) && !name.SequenceEqual("null"u8);
    }

    private LiteralValueExpr ForError(int open, TokenKind closeType)
    {
        var close = Recover(closeType);
        return new LiteralValueExpr(_map, S(open), Math.Max(E(open), E(close)), LiteralValueKind.Unknown, "");
    }

    private Expression FinishFor(int open)
    {
        PushNl(false);
        try
        {
            Read(); // "for"
            var makeObj = Kind(open) == TokenKind.OBrace;
            var closeType = makeObj ? TokenKind.CBrace : TokenKind.CBrack;
            string? keyName = null;
            if (PeekKind() != TokenKind.Ident)
            {
                if (!_recovery)
                    ErrorAt("Invalid 'for' expression", "For expression requires variable name after 'for'.", PeekIndex(), open);
                return ForError(open, closeType);
            }
            var valName = Text(Read());
            if (PeekKind() == TokenKind.Comma)
            {
                keyName = valName;
                Read();
                if (PeekKind() != TokenKind.Ident)
                {
                    if (!_recovery)
                        ErrorAt("Invalid 'for' expression", "For expression requires value variable name after comma.", PeekIndex(), open);
                    return ForError(open, closeType);
                }
                valName = Text(Read());
            }
            if (!IsKeyword(PeekIndex(), "in"u8))
            {
                if (!_recovery)
                    ErrorAt("Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.", PeekIndex(), open);
                return ForError(open, closeType);
            }
            Read();
            var before = _errors;
            var coll = ParseExpression();
            if (_recovery && _errors > before)
                return ForError(open, closeType);
            if (PeekKind() != TokenKind.Colon)
            {
                if (!_recovery)
                    ErrorAt("Invalid 'for' expression", "For expression requires a colon after the collection expression.", PeekIndex(), open);
                return ForError(open, closeType);
            }
            Read();
            Expression? keyExpr = null;
            before = _errors;
            var valExpr = ParseExpression();
            var hadErrors = _errors > before;
            if (PeekKind() == TokenKind.FatArrow)
            {
                Read();
                keyExpr = valExpr;
                valExpr = ParseExpression();
                hadErrors = _errors > before;
            }
            if (_recovery && hadErrors)
                return ForError(open, closeType);
            var group = false;
            var ellipsis = -1;
            if (PeekKind() == TokenKind.Ellipsis)
            {
                ellipsis = Read();
                group = true;
            }
            Expression? cond = null;
            if (IsKeyword(PeekIndex(), "if"u8))
            {
                Read();
                before = _errors;
                cond = ParseExpression();
                if (_recovery && _errors > before)
                    return ForError(open, closeType);
            }
            int close;
            if (PeekKind() == closeType)
            {
                close = Read();
            }
            else
            {
                if (!_recovery)
                    ErrorAt("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", PeekIndex(), open);
                close = Recover(closeType);
            }
            var end = Math.Max(E(open), E(close));
            if (!makeObj)
            {
                if (keyExpr != null)
                    Error("Invalid 'for' expression", "Key expression is not valid when building a tuple.", keyExpr.StartOffset, keyExpr.EndOffset, S(open), end);
                if (group)
                    Error("Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.", S(ellipsis), E(ellipsis), S(open), end);
            }
            else if (keyExpr == null)
            {
                Error("Invalid 'for' expression", "Key expression is required when building an object.", valExpr.StartOffset, valExpr.EndOffset, S(open), end);
            }
            return new ForExpr(_map, S(open), end, keyName, valName, coll, keyExpr, valExpr, cond, group, makeObj);
        }
        finally
        {
            PopNl();
        }
    }
}
