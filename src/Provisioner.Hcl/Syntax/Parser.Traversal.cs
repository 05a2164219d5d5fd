namespace Provisioner.Hcl.Syntax;

internal sealed partial class Parser
{
    /// <summary>
    /// hclsyntax's <c>ParseTraversalAbs</c>: a root name followed only by <c>.name</c>, <c>[number]</c> and
    /// <c>["string"]</c> steps (no splats, no expressions), with HCL's diagnostics.
    /// </summary>
    public Traversal? ParseTraversalAbs()
    {
        PushNl(false);
        try
        {
            var varTok = Read();
            if (Kind(varTok) != TokenKind.Ident)
            {
                ErrorAt("Variable name required", "Must begin with a variable name.", varTok);
                return null;
            }
            var steps = new List<TraversalStep>();
            var errorsBefore = _errors;
            while (true)
            {
                var next = PeekIndex();
                switch (Kind(next))
                {
                    case TokenKind.EndOfFile:
                        return Make();
                    case TokenKind.Dot:
                    {
                        var dot = Read();
                        var nameTok = Read();
                        if (Kind(nameTok) != TokenKind.Ident)
                        {
                            ErrorAt("Attribute name required",
                                Kind(nameTok) == TokenKind.Star ? "Splat expressions (.*) may not be used here." : "Dot must be followed by attribute name.",
                                nameTok, varTok);
                            return Make();
                        }
                        steps.Add(new TraverseAttr(_map, S(dot), E(nameTok), Text(nameTok)));
                        continue;
                    }
                    case TokenKind.OBrack:
                    {
                        var open = Read();
                        var keyTok = PeekIndex();
                        IndexKeyKind kind;
                        string text;
                        if (Kind(keyTok) == TokenKind.NumberLit)
                        {
                            Read();
                            kind = IndexKeyKind.Number;
                            text = Text(keyTok);
                        }
                        else if (Kind(keyTok) == TokenKind.OQuote)
                        {
                            (text, _, _) = ParseQuotedStringLiteral();
                            kind = IndexKeyKind.String;
                        }
                        else
                        {
                            if (Kind(keyTok) == TokenKind.Star)
                                ErrorAt("Attribute name required", "Splat expressions ([*]) may not be used here.", keyTok, varTok);
                            else
                                ErrorAt("Index value required", "Index brackets must contain either a literal number or a literal string.", keyTok, varTok);
                            return Make();
                        }
                        var close = Read();
                        if (Kind(close) != TokenKind.CBrack)
                            ErrorAt("Unclosed index brackets", "Index key must be followed by a closing bracket.", close, open);
                        steps.Add(new TraverseIndex(_map, S(open), Math.Max(E(close), E(open)), kind, text, false));
                        if (_errors > errorsBefore)
                            return Make();
                        continue;
                    }
                    default:
                        ErrorAt("Invalid character", "Expected an attribute access or an index operator.", next, varTok);
                        return Make();
                }
            }

            Traversal Make() => new(_map, Text(varTok), S(varTok), E(varTok), steps.ToArray());
        }
        finally
        {
            PopNl();
        }
    }
}
