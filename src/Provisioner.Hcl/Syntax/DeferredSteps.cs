namespace Provisioner.Hcl.Syntax;

/// <summary>
/// Builds the traversal steps the parser deferred (see <see cref="ScopeTraversalExpr"/>) from the tree's tokens.
/// The parser defers only steps of these shapes, in an error-free parse: <c>. ident</c>, <c>. number</c> (no
/// fraction), <c>[ number ]</c>, <c>[ "text" ]</c> (no escapes or template sequences), <c>[ "" ]</c>, with any
/// trivia and newlines between their tokens.
/// </summary>
internal static class DeferredSteps
{
    public static TraversalStep[] Build(SourceMap map, int from, int end)
    {
        var tokens = map.Tokens ?? throw new InvalidOperationException("The tree's tokens are not available.");
        var kinds = tokens.Kinds;
        var src = map.Bytes.Span;
        var names = NameTable.ForThread;
        var i = tokens.IndexAt(from);
        var steps = new List<TraversalStep>(2);
        while (true)
        {
            i = SkipTrivia(kinds, i);
            var start = tokens.Start(i);
            if (start >= end || kinds[i] == TokenKind.EndOfFile)
                break;
            var open = i;
            i = SkipTrivia(kinds, i + 1);
            if (kinds[open] == TokenKind.Dot)
            {
                var text = names.Get(src[tokens.Start(i)..tokens.End(i)]);
                steps.Add(kinds[i] == TokenKind.Ident
                    ? new TraverseAttr(map, start, tokens.End(i), text)
                    : new TraverseIndex(map, start, tokens.End(i), IndexKeyKind.Number, text, true));
                i++;
                continue;
            }
            if (kinds[open] != TokenKind.OBrack)
                throw new InvalidOperationException($"Unexpected {kinds[open]} token in a deferred traversal at byte {start}.");
            IndexKeyKind kind;
            string key;
            if (kinds[i] == TokenKind.NumberLit)
            {
                kind = IndexKeyKind.Number;
                key = names.Get(src[tokens.Start(i)..tokens.End(i)]);
                i++;
            }
            else
            {
                kind = IndexKeyKind.String;
                i++; // the opening quote
                key = kinds[i] == TokenKind.QuotedLit ? names.Get(src[tokens.Start(i)..tokens.End(i++)]) : "";
                i++; // the closing quote
            }
            i = SkipTrivia(kinds, i);
            steps.Add(new TraverseIndex(map, start, Math.Max(tokens.End(i), start + 1), kind, key, false));
            i++;
        }
        return [.. steps];
    }

    private static int SkipTrivia(TokenKind[] kinds, int i)
    {
        while (kinds[i] is TokenKind.Whitespace or TokenKind.Comment or TokenKind.LineComment or TokenKind.Newline or TokenKind.Bom)
            i++;
        return i;
    }
}
