using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Json;

/// <summary>A parsed JSON value with its source range.</summary>
internal abstract class JsonNode
{
    private protected JsonNode(JsonSource source, SourceRange range)
    {
        Source = source;
        Range = range;
    }

    public JsonSource Source { get; }

    public SourceRange Range { get; }

    /// <summary>The range to point at for this value: the opening brace/bracket of a container, else the whole value.</summary>
    public virtual SourceRange StartRange => Range;
}
