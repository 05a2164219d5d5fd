namespace Provisioner.Engine.Planning.Pools;

/// <summary>Which nodes a scale-down removes first (NotReady nodes always go first).</summary>
internal enum DeletePolicy
{
    /// <summary>Lowest node number first.</summary>
    Oldest,

    /// <summary>Highest node number first.</summary>
    Newest,
}
