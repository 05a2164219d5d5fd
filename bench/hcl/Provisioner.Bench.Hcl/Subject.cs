namespace Provisioner.Bench.Hcl;

/// <summary>What is being measured: our HCL parser (and, once it exists, the evaluator).</summary>
internal static class Subject
{
    /// <summary>Null while the parser is not on main; otherwise the reason figures can't be taken is absent.</summary>
    public static string? ParserMissing => "n/a (parser not yet on main)";

    /// <summary>Null when parse + evaluate can be measured.</summary>
    public static string? EvaluatorMissing => "n/a (evaluator not yet available)";

    /// <summary>Parses one file; returns the tree (kept alive by the caller) and whether it had errors.</summary>
    public static (object Tree, bool HasErrors) Parse(ReadOnlyMemory<byte> source, string filename) =>
        throw new NotSupportedException(ParserMissing + $" ({filename}, {source.Length} bytes)");

    /// <summary>Parses, then evaluates every attribute expression once; returns how many were evaluated.</summary>
    public static int ParseAndEvaluate(ReadOnlyMemory<byte> source, string filename) =>
        throw new NotSupportedException(EvaluatorMissing + $" ({filename}, {source.Length} bytes)");
}
