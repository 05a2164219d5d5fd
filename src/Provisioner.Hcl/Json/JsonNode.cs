using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Json;

/// <summary>A parsed JSON value with its byte span; positions are computed on demand.</summary>
internal abstract class JsonNode
{
    private protected JsonNode(SourceMap map, int start, int end)
    {
        Map = map;
        Start = start;
        End = end;
    }

    public SourceMap Map { get; }

    public int Start { get; }

    public int End { get; }

    public SourceRange Range => Map.Range(Start, End);

    /// <summary>The range to point at for this value: the opening brace/bracket of a container, else the whole value.</summary>
    public virtual SourceRange StartRange => Range;
}
