namespace Provisioner.Hcl.Syntax;

/// <summary>A growable step array used while parsing; trimmed to exact size on first read.</summary>
internal struct StepList
{
    private TraversalStep[]? _items;
    private int _count;

    public StepList(TraversalStep first)
    {
        _items = [first];
        _count = 1;
    }

    public readonly int Count => _count;

    public void Add(TraversalStep step)
    {
        if (_items == null)
        {
            _items = [step];
            _count = 1;
            return;
        }
        if (_count == _items.Length)
            Array.Resize(ref _items, _count * 2);
        _items[_count++] = step;
    }

    /// <summary>The steps as an exact-size array (trims in place once parsing is over).</summary>
    public TraversalStep[] AsArray()
    {
        var items = _items;
        if (items == null)
            return [];
        if (items.Length != _count)
        {
            items = items.AsSpan(0, _count).ToArray();
            _items = items; // benign race: every reader computes the same contents
        }
        return items;
    }
}
