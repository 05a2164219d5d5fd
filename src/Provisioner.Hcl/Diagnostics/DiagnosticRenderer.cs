using System.Text;

namespace Provisioner.Hcl.Diagnostics;

/// <summary>
/// Renders diagnostics for a terminal: <c>path:line:col: error: summary</c>, the offending source line, a caret
/// underline under the subject range, then the detail.
/// </summary>
/// <remarks>
/// Sources are looked up by file name through <see cref="ISourceLookup"/>; when a file is unknown only the
/// header and detail are printed. Colours are optional (ANSI, off when <see cref="Color"/> is false).
/// </remarks>
public sealed class DiagnosticRenderer(ISourceLookup sources)
{
    public bool Color { get; init; }

    public string Render(Diagnostic diagnostic)
    {
        var sb = new StringBuilder();
        Render(diagnostic, sb);
        return sb.ToString();
    }

    public string RenderAll(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
            Render(d, sb);
        return sb.ToString();
    }

    private void Render(Diagnostic d, StringBuilder sb)
    {
        var sev = d.IsError ? "error" : "warning";
        var sevText = Color ? (d.IsError ? $"\u001b[1;31m{sev}\u001b[0m" : $"\u001b[1;33m{sev}\u001b[0m") : sev;
        var summary = Color ? $"\u001b[1m{d.Summary}\u001b[0m" : d.Summary;
        if (d.Subject is { } subject)
            sb.Append(subject.Filename).Append(':').Append(subject.Start.Line).Append(':').Append(subject.Start.Column).Append(": ");
        sb.Append(sevText).Append(": ").Append(summary).Append('\n');

        if (d.Subject is { } s && sources.TryGetSource(s.Filename, out var src))
            AppendSnippet(sb, src.Span, s);

        if (d.Detail.Length > 0)
        {
            foreach (var line in d.Detail.Split('\n'))
                sb.Append("  ").Append(line).Append('\n');
        }
        sb.Append('\n');
    }

    private static void AppendSnippet(StringBuilder sb, ReadOnlySpan<byte> src, SourceRange r)
    {
        var startByte = Math.Clamp(r.Start.Byte, 0, src.Length);
        var lineStart = startByte;
        while (lineStart > 0 && src[lineStart - 1] != (byte)'\n')
            lineStart--;
        var lineEnd = startByte;
        while (lineEnd < src.Length && src[lineEnd] != (byte)'\n')
            lineEnd++;
        var lineText = Encoding.UTF8.GetString(src[lineStart..lineEnd]).TrimEnd('\r');
        var gutter = r.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        sb.Append(' ').Append(gutter).Append(" | ").Append(lineText.Replace('\t', ' ')).Append('\n');

        // Caret underline: from the start column to the end of the range on this line (at least one caret).
        var prefix = Encoding.UTF8.GetString(src[lineStart..startByte]);
        var pad = Columns(prefix);
        var endByte = Math.Clamp(r.End.Byte, startByte, lineEnd);
        var width = Math.Max(1, Columns(Encoding.UTF8.GetString(src[startByte..endByte])));
        sb.Append(' ').Append(' ', gutter.Length).Append(" | ").Append(' ', pad).Append('^', width).Append('\n');
    }

    /// <summary>Display columns of a text: one per grapheme cluster, as HCL counts columns.</summary>
    private static int Columns(string s) => new System.Globalization.StringInfo(s).LengthInTextElements;
}
