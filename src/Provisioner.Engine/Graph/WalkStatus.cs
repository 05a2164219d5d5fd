namespace Provisioner.Engine.Graph;

/// <summary>What became of one node in a <see cref="GraphWalker"/> walk.</summary>
public enum WalkStatus
{
    /// <summary>Never started: the walk was stopped before the node was ready, or before its turn.</summary>
    NotStarted,

    Succeeded,

    Failed,

    /// <summary>Not run because a node it depends on (directly or not) failed or was skipped.</summary>
    Skipped,
}
