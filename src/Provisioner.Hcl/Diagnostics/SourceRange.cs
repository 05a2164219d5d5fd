namespace Provisioner.Hcl.Diagnostics;

/// <summary>A half-open range <c>[Start, End)</c> of a named source file.</summary>
public readonly record struct SourceRange(string Filename, SourcePos Start, SourcePos End)
{
    /// <summary>Length of the range in bytes.</summary>
    public int Length => End.Byte - Start.Byte;

    /// <summary>The smallest range covering both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static SourceRange Between(SourceRange a, SourceRange b) =>
        new(a.Filename, a.Start.Byte <= b.Start.Byte ? a.Start : b.Start, a.End.Byte >= b.End.Byte ? a.End : b.End);

    /// <summary>True when <paramref name="other"/> lies inside this range.</summary>
    public bool Contains(SourceRange other) =>
        other.Filename == Filename && other.Start.Byte >= Start.Byte && other.End.Byte <= End.Byte;

    /// <summary><c>file:line,col-line,col</c>, the form HashiCorp's tools print.</summary>
    public override string ToString() =>
        Start.Line == End.Line
            ? $"{Filename}:{Start.Line},{Start.Column}-{End.Column}"
            : $"{Filename}:{Start.Line},{Start.Column}-{End.Line},{End.Column}";
}
