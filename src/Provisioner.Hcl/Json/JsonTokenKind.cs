namespace Provisioner.Hcl.Json;

/// <summary>Token kinds of the JSON scanner (HCL's <c>json/scanner.go</c> set, including <c>=</c> for better errors).</summary>
internal enum JsonTokenKind : byte
{
    BraceOpen,
    BraceClose,
    BracketOpen,
    BracketClose,
    Comma,
    Colon,
    Equals,
    Keyword,
    Number,
    String,
    Invalid,
    EndOfFile,
}
