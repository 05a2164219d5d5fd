namespace Provisioner.Engine.Planning.Pools;

/// <summary>What happens to one node key.</summary>
internal enum PoolNodeFate
{
    /// <summary>An existing node stays (it may still be updated in place).</summary>
    Keep,

    /// <summary>A new node (scale up, a replacement of a rolled node, or a machine gone outside Provisioner).</summary>
    Create,

    /// <summary>The node is removed (scale down, or rolled and replaced).</summary>
    Delete,
}
