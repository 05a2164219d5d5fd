namespace Provisioner.Engine.Graph;

/// <summary>The outcome of a walk: one status per node, in the graph's node order.</summary>
public sealed class WalkResult<TNode>
    where TNode : notnull
{
    private readonly DependencyGraph<TNode> _graph;
    private readonly WalkStatus[] _statuses;

    internal WalkResult(DependencyGraph<TNode> graph, WalkStatus[] statuses, IReadOnlyList<Exception> exceptions)
    {
        _graph = graph;
        _statuses = statuses;
        Exceptions = exceptions;
    }

    /// <summary>Unexpected exceptions thrown by visits (bugs); such nodes count as failed.</summary>
    public IReadOnlyList<Exception> Exceptions { get; }

    public WalkStatus this[TNode node] => _statuses[_graph.IndexOf(node)];

    public bool AllSucceeded => Array.TrueForAll(_statuses, s => s == WalkStatus.Succeeded);

    public int Count(WalkStatus status) => _statuses.Count(s => s == status);

    public IEnumerable<TNode> NodesWith(WalkStatus status)
    {
        for (var i = 0; i < _statuses.Length; i++)
        {
            if (_statuses[i] == status)
                yield return _graph.Nodes[i];
        }
    }
}
