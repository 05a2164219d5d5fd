using System.Runtime.InteropServices;

namespace Provisioner.Engine.Graph;

/// <summary>
/// A directed graph of work items where an edge says "A depends on B". Nodes are kept in insertion order and every
/// query is deterministic, so plans and printed graphs are stable from run to run.
/// </summary>
/// <remarks>
/// Nodes are stored by index; edges are adjacency lists of indices (dependencies and dependants both), so building
/// and walking a graph of 100,000 instances costs O(V + E); a set of the edges makes adding a repeated edge a no-op in O(1).
/// </remarks>
public sealed class DependencyGraph<TNode>
    where TNode : notnull
{
    private readonly Dictionary<TNode, int> _index;
    private readonly List<TNode> _nodes = [];
    private readonly List<List<int>> _dependencies = [];
    private readonly List<List<int>> _dependants = [];
    private readonly HashSet<long> _edges = [];

    public DependencyGraph(IEqualityComparer<TNode>? comparer = null) => _index = new Dictionary<TNode, int>(comparer);

    public int Count => _nodes.Count;

    public IReadOnlyList<TNode> Nodes => _nodes;

    public bool Contains(TNode node) => _index.ContainsKey(node);

    /// <summary>Adds a node if absent; returns its index.</summary>
    public int Add(TNode node)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, node, out var exists);
        if (exists)
            return slot;
        slot = _nodes.Count;
        _nodes.Add(node);
        _dependencies.Add([]);
        _dependants.Add([]);
        return slot;
    }

    /// <summary>Records that <paramref name="node"/> depends on <paramref name="dependency"/> (adding both if needed).</summary>
    public void AddDependency(TNode node, TNode dependency)
    {
        var a = Add(node);
        var b = Add(dependency);
        if (_edges.Add(((long)a << 32) | (uint)b))
        {
            _dependencies[a].Add(b);
            _dependants[b].Add(a);
        }
    }

    public IEnumerable<TNode> DependenciesOf(TNode node) => _dependencies[_index[node]].Select(i => _nodes[i]);

    public IEnumerable<TNode> DependantsOf(TNode node) => _dependants[_index[node]].Select(i => _nodes[i]);

    internal int IndexOf(TNode node) => _index[node];

    internal List<int> DependencyIndices(int node) => _dependencies[node];

    internal List<int> DependantIndices(int node) => _dependants[node];

    /// <summary>The same nodes with every edge reversed: the order for destroying what the graph creates.</summary>
    public DependencyGraph<TNode> Reverse()
    {
        var r = new DependencyGraph<TNode>(_index.Comparer);
        foreach (var n in _nodes)
            r.Add(n);
        for (var i = 0; i < _nodes.Count; i++)
        {
            foreach (var d in _dependencies[i])
                r.AddDependency(_nodes[d], _nodes[i]);
        }
        return r;
    }

    /// <summary>
    /// Every cycle, as the list of nodes along it (each strongly connected component with more than one node, or a
    /// node depending on itself). Empty when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TNode>> FindCycles()
    {
        // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
        var n = _nodes.Count;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var cycles = new List<IReadOnlyList<TNode>>();
        var next = 0;
        var work = new Stack<(int Node, int Edge)>();

        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
                continue;
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                if (e == 0)
                {
                    index[v] = low[v] = next++;
                    stack.Push(v);
                    onStack[v] = true;
                }
                var deps = _dependencies[v];
                var descended = false;
                for (var k = e; k < deps.Count; k++)
                {
                    var w = deps[k];
                    if (index[w] < 0)
                    {
                        work.Push((v, k + 1));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }
                    if (onStack[w])
                        low[v] = Math.Min(low[v], index[w]);
                }
                if (descended)
                    continue;
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    if (component.Count > 1 || _dependencies[v].Contains(v))
                        cycles.Add(OrderCycle(component));
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return cycles;
    }

    /// <summary>
    /// A shortest cycle through the component's first-inserted node, in edge order (BFS inside the component).
    /// </summary>
    private List<TNode> OrderCycle(List<int> component)
    {
        var members = new HashSet<int>(component);
        var start = component.Min();
        if (_dependencies[start].Contains(start))
            return [_nodes[start]];
        var parent = new Dictionary<int, int> { [start] = -1 };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var d in _dependencies[v])
            {
                if (d == start)
                {
                    var path = new List<int>();
                    for (var x = v; x != -1; x = parent[x])
                        path.Add(x);
                    path.Reverse();
                    return path.Select(i => _nodes[i]).ToList();
                }
                if (members.Contains(d) && parent.TryAdd(d, v))
                    queue.Enqueue(d);
            }
        }
        return component.Select(i => _nodes[i]).ToList();
    }

    /// <summary>Nodes ordered so that every node comes after its dependencies; ties keep insertion order.</summary>
    /// <returns>The order, or null when the graph has a cycle.</returns>
    public IReadOnlyList<TNode>? TopologicalOrder()
    {
        var n = _nodes.Count;
        var remaining = new int[n];
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < n; i++)
        {
            remaining[i] = _dependencies[i].Count;
            if (remaining[i] == 0)
                ready.Enqueue(i, i);
        }
        var order = new List<TNode>(n);
        while (ready.TryDequeue(out var v, out _))
        {
            order.Add(_nodes[v]);
            foreach (var d in _dependants[v])
            {
                if (--remaining[d] == 0)
                    ready.Enqueue(d, d);
            }
        }
        return order.Count == n ? order : null;
    }
}
