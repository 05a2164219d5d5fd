using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Formatting;

/// <summary>
/// The canonical formatter for HCL native syntax, behaving like <c>terraform fmt</c> (hclwrite's formatting):
/// indentation, spacing between tokens, and alignment of <c>=</c> and trailing comments. It only changes
/// whitespace, so a formatted file has the same tokens, and evaluates to the same values, as its input.
/// </summary>
public static class HclFormatter
{
    /// <summary>
    /// Formats a native-syntax file. On syntax errors, <see cref="FormatResult.Diagnostics"/> has errors and
    /// <see cref="FormatResult.Output"/> is the input unchanged.
    /// </summary>
    public static FormatResult Format(ReadOnlyMemory<byte> source, string filename)
    {
        var parsed = HclSyntax.ParseConfig(source, filename);
        if (parsed.Diagnostics.HasErrors)
            return new FormatResult(source.ToArray(), parsed.Diagnostics);
        return new FormatResult(FmtPrinter.Print(parsed.Tree, parsed.Root), parsed.Diagnostics);
    }
}
