namespace Provisioner.Engine.Evaluation;

/// <summary>How a resource or module call repeats: once, by <c>count</c>, by <c>for_each</c>, or not yet known.</summary>
internal enum ExpansionKind
{
    Single,
    Count,
    ForEach,
    Unknown,

    /// <summary>A node pool: instances keyed by node name; references see the pool object with its <c>nodes</c>.</summary>
    Pool,
}
