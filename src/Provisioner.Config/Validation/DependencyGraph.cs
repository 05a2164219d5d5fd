using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config.Validation;

/// <summary>References between named objects of one module, for cycle detection (Tarjan's SCC).</summary>
internal sealed class DependencyGraph
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, SourceRange> _ranges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);

    public void AddNode(string key, SourceRange range)
    {
        if (_ranges.TryAdd(key, range))
        {
            _order.Add(key);
            _edges[key] = [];
        }
    }

    /// <summary>Every node (declaration order) with its outgoing edges (first-reference order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Edges()
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var k in _order)
            result[k] = _edges[k].ToArray();
        return result;
    }

    public SourceRange? RangeOf(string key) => _ranges.TryGetValue(key, out var r) ? r : null;

    public void AddEdge(string from, string to)
    {
        if (_edges.TryGetValue(from, out var list) && _ranges.ContainsKey(to) && !list.Contains(to))
            list.Add(to);
    }

    /// <summary>One cycle per strongly connected component, starting and ending at its member declared first in source order.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Path, SourceRange Subject)> FindCycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var comps = new List<List<string>>();
        var next = 0;

        // Tarjan's algorithm, iterative (long reference chains must not exhaust the call stack).
        var work = new Stack<(string Node, int Edge)>();
        foreach (var root in _order)
        {
            if (index.ContainsKey(root))
                continue;
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                var edges = _edges[v];
                if (e < edges.Count)
                {
                    work.Push((v, e + 1));
                    var w = edges[e];
                    if (!index.ContainsKey(w))
                    {
                        index[w] = low[w] = next++;
                        stack.Push(w);
                        onStack.Add(w);
                        work.Push((w, 0));
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
                if (low[v] != index[v])
                    continue;
                var comp = new List<string>();
                string x;
                do
                {
                    x = stack.Pop();
                    onStack.Remove(x);
                    comp.Add(x);
                }
                while (x != v);
                if (comp.Count > 1 || edges.Contains(v))
                    comps.Add(comp);
            }
        }

        var result = new List<(IReadOnlyList<string>, SourceRange)>();
        var position = _order
            .OrderBy(k => _ranges[k].Filename, StringComparer.Ordinal)
            .ThenBy(k => _ranges[k].Start.Byte)
            .Select((k, i) => (k, i))
            .ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        foreach (var comp in comps.OrderBy(c => c.Min(k => position[k])))
        {
            var members = new HashSet<string>(comp, StringComparer.Ordinal);
            var start = comp.OrderBy(k => position[k]).First();
            result.Add((ShortestCycle(start, members), _ranges[start]));
        }
        return result;
    }

    private List<string> ShortestCycle(string start, HashSet<string> members)
    {
        var prev = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        var visited = new HashSet<string>(StringComparer.Ordinal) { start };
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in _edges[v])
            {
                if (!members.Contains(w))
                    continue;
                if (w == start)
                {
                    var path = new List<string> { start };
                    for (var x = v; x != start; x = prev[x])
                        path.Insert(1, x);
                    path.Add(start);
                    return path;
                }
                if (visited.Add(w))
                {
                    prev[w] = v;
                    queue.Enqueue(w);
                }
            }
        }
        return [start, start];
    }
}
