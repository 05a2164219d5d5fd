namespace Provisioner.Config.Validation;

/// <summary>What a reference may use where it appears: <c>each</c>, <c>count</c>, <c>self</c>, dynamic-block iterators.</summary>
internal sealed record RefContext(bool Each, bool Count, bool Self, IReadOnlySet<string> Iterators)
{
    private static readonly IReadOnlySet<string> NoIterators = new HashSet<string>(StringComparer.Ordinal);

    public static RefContext Plain { get; } = new(false, false, false, NoIterators);

    public RefContext WithIterator(string name)
    {
        var set = new HashSet<string>(Iterators, StringComparer.Ordinal) { name };
        return this with { Iterators = set };
    }
}
