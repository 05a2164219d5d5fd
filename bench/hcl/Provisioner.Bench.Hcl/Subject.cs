using Provisioner.Hcl.Syntax;

namespace Provisioner.Bench.Hcl;

/// <summary>What is being measured: our HCL parser (and, once it exists, the evaluator).</summary>
internal static class Subject
{
    /// <summary>Null when the parser can be measured; otherwise why not.</summary>
    public static string? ParserMissing => null;

    /// <summary>Null when parse + evaluate can be measured; otherwise why not.</summary>
    public static string? EvaluatorMissing => "n/a (evaluator not yet available)";

    /// <summary>Parses one file; returns the tree (kept alive by the caller) and whether it had errors.</summary>
    public static (object Tree, bool HasErrors) Parse(ReadOnlyMemory<byte> source, string filename)
    {
        var result = HclSyntax.ParseConfig(source, filename);
        return (result, result.HasErrors);
    }

    /// <summary>Parses, then evaluates every attribute expression once; returns how many were evaluated.</summary>
    public static int ParseAndEvaluate(ReadOnlyMemory<byte> source, string filename) =>
        throw new NotSupportedException(EvaluatorMissing + $" ({filename}, {source.Length} bytes)");
}
