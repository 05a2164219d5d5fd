namespace Provisioner.Hcl.Diagnostics;

/// <summary>A position in a source file, following HCL's rules.</summary>
/// <remarks>
/// <see cref="Line"/> and <see cref="Column"/> are 1-based; <see cref="Column"/> counts characters (grapheme
/// clusters in HashiCorp's implementation; we count Unicode scalar values, a tab is one column).
/// <see cref="Byte"/> is the 0-based UTF-8 byte offset from the start of the file.
/// </remarks>
public readonly record struct SourcePos(int Line, int Column, int Byte)
{
    /// <summary>The start of any file.</summary>
    public static SourcePos Start => new(1, 1, 0);

    public override string ToString() => $"{Line}:{Column}";
}
