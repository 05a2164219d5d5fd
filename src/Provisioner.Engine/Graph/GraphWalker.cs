using System.Threading.Channels;

namespace Provisioner.Engine.Graph;

/// <summary>
/// Runs a visit for every node of a <see cref="DependencyGraph{TNode}"/>, each only after all its dependencies
/// succeeded, with at most <c>parallelism</c> visits in flight.
/// </summary>
/// <remarks>
/// <para>A failed node stops its dependants (they are <see cref="WalkStatus.Skipped"/>) and lets independent work
/// finish. Ready nodes start in graph insertion order, so a walk with parallelism 1 is deterministic.</para>
/// <para>Two tokens model Terraform's Ctrl-C: <c>stopScheduling</c> (first interrupt) starts nothing new but lets
/// in-flight visits finish and be recorded; <c>abort</c> (second interrupt) is passed to the visits themselves.</para>
/// <para>The walker only orders and bounds work; what a visit does (and any per-provider limit) is the caller's.</para>
/// </remarks>
public static class GraphWalker
{
    public static async Task<WalkResult<TNode>> WalkAsync<TNode>(
        DependencyGraph<TNode> graph,
        Func<TNode, CancellationToken, Task<bool>> visit,
        int parallelism,
        CancellationToken stopScheduling,
        CancellationToken abort)
        where TNode : notnull
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var n = graph.Count;
        var statuses = new WalkStatus[n];
        var remaining = new int[n];
        var blocked = new bool[n];
        var ready = new PriorityQueue<int, int>();
        var exceptions = new List<Exception>();
        for (var i = 0; i < n; i++)
        {
            remaining[i] = graph.DependencyIndices(i).Count;
            if (remaining[i] == 0)
                ready.Enqueue(i, i);
        }

        var completions = Channel.CreateUnbounded<(int Node, bool Ok, Exception? Error)>(
            new UnboundedChannelOptions { SingleReader = true });
        var inFlight = 0;

        void Release(int node, bool ok)
        {
            foreach (var d in graph.DependantIndices(node))
            {
                if (!ok)
                    blocked[d] = true;
                if (--remaining[d] == 0)
                    ready.Enqueue(d, d);
            }
        }

        while (true)
        {
            // Start what is ready, skipping nodes whose dependencies did not all succeed.
            while (ready.Count > 0 && inFlight < parallelism && !stopScheduling.IsCancellationRequested)
            {
                var v = ready.Dequeue();
                if (blocked[v])
                {
                    statuses[v] = WalkStatus.Skipped;
                    Release(v, ok: false);
                    continue;
                }
                inFlight++;
                _ = RunOne(v);
            }
            // Skipped nodes can be settled even after a stop: they would never run anyway.
            if (stopScheduling.IsCancellationRequested)
            {
                var deferred = new List<int>();
                while (ready.TryDequeue(out var v, out _))
                {
                    if (blocked[v])
                    {
                        statuses[v] = WalkStatus.Skipped;
                        Release(v, ok: false);
                    }
                    else
                    {
                        deferred.Add(v);
                    }
                }
                foreach (var v in deferred)
                    ready.Enqueue(v, v);
            }
            if (inFlight == 0)
                break;

            var (node, ok, error) = await completions.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            inFlight--;
            if (error is not null)
                exceptions.Add(error);
            statuses[node] = ok ? WalkStatus.Succeeded : WalkStatus.Failed;
            Release(node, ok);
        }

        return new WalkResult<TNode>(graph, statuses, exceptions);

        async Task RunOne(int v)
        {
            bool ok;
            Exception? error = null;
            try
            {
                ok = await visit(graph.Nodes[v], abort).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A visit's bug must not wedge the walk: it is recorded and surfaced in the result.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ok = false;
                error = ex;
            }
            completions.Writer.TryWrite((v, ok, error));
        }
    }
}
