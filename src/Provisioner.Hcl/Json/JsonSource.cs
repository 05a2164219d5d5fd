using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>The buffer a JSON tree was parsed from: file name, bytes and the position of the first byte.</summary>
internal sealed class JsonSource(string filename, ReadOnlyMemory<byte> bytes, SourcePos origin)
{
    public string Filename { get; } = filename;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public SourcePos Origin { get; } = origin;

    public SourceRange Range(SourcePos start, SourcePos end) => new(Filename, start, end);

    public string Text(SourceRange range) =>
        Encoding.UTF8.GetString(Bytes.Span[(range.Start.Byte - Origin.Byte)..(range.End.Byte - Origin.Byte)]);
}
