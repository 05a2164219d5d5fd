using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Syntax;

/// <summary>Reports invalid tokens after lexing, with HCL's summaries and its limits on repetition.</summary>
internal static class LexDiagnostics
{
    public static void Check(TokenBuffer tokens, SourceMap map, ReadOnlySpan<byte> src, List<Diagnostic> diags)
    {
        int toldBitwise = 0, toldExponent = 0, toldBacktick = 0, toldApostrophe = 0, toldSemicolon = 0, toldBadUtf8 = 0;
        var kinds = tokens.Kinds;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (kinds[i] < TokenKind.BitwiseAnd && kinds[i] != TokenKind.QuotedNewline)
                continue;
            var tok = tokens[i];
            switch (tok.Kind)
            {
                case TokenKind.BitwiseAnd:
                case TokenKind.BitwiseOr:
                case TokenKind.BitwiseXor:
                case TokenKind.BitwiseNot:
                    if (toldBitwise < 4)
                    {
                        var suggestion = tok.Kind switch
                        {
                            TokenKind.BitwiseAnd => " Did you mean boolean AND (\"&&\")?",
                            TokenKind.BitwiseOr => " Did you mean boolean OR (\"||\")?",
                            TokenKind.BitwiseNot => " Did you mean boolean NOT (\"!\")?",
                            _ => "",
                        };
                        Add(diags, map, tok, "Unsupported operator", "Bitwise operators are not supported." + suggestion);
                        toldBitwise++;
                    }
                    break;
                case TokenKind.StarStar:
                    if (toldExponent < 1)
                    {
                        Add(diags, map, tok, "Unsupported operator", "\"**\" is not a supported operator. Exponentiation is not supported as an operator.");
                        toldExponent++;
                    }
                    break;
                case TokenKind.Backtick:
                    if (toldBacktick % 2 == 0)
                        Add(diags, map, tok, "Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".");
                    if (toldBacktick <= 2)
                        toldBacktick++;
                    break;
                case TokenKind.Apostrophe:
                    if (toldApostrophe % 2 == 0)
                        Add(diags, map, tok, "Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.");
                    if (toldApostrophe <= 2)
                        toldApostrophe++;
                    break;
                case TokenKind.Semicolon:
                    if (toldSemicolon < 1)
                    {
                        Add(diags, map, tok, "Invalid character", "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.");
                        toldSemicolon++;
                    }
                    break;
                case TokenKind.BadUtf8:
                    if (toldBadUtf8 < 1)
                    {
                        Add(diags, map, tok, "Invalid character encoding", "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.");
                        toldBadUtf8++;
                    }
                    break;
                case TokenKind.QuotedNewline:
                    Add(diags, map, tok, "Invalid multi-line string", "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.");
                    break;
                case TokenKind.Invalid:
                {
                    var bytes = src[tok.Start..tok.End];
                    if (bytes.SequenceEqual("\u201c"u8) || bytes.SequenceEqual("\u201d"u8))
                        Add(diags, map, tok, "Invalid character", "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".");
                    else
                        Add(diags, map, tok, "Invalid character", "This character is not used within the language.");
                    break;
                }
            }
        }
    }

    private static void Add(List<Diagnostic> diags, SourceMap map, Token tok, string summary, string detail) =>
        diags.Add(Diagnostic.Error(summary, detail, map.Range(tok.Start, tok.End)));
}
