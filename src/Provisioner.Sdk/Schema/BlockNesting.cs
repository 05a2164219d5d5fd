namespace Provisioner.Sdk.Schema;

/// <summary>How a nested block type may repeat, and the value shape it produces.</summary>
public enum BlockNesting
{
    /// <summary>At most one block; an object (or null).</summary>
    Single,

    /// <summary>Any number of blocks in order; a list of objects.</summary>
    List,

    /// <summary>Any number of blocks, unordered and unique; a set of objects.</summary>
    Set,

    /// <summary>Blocks with one label each; a map of objects keyed by the label.</summary>
    Map,
}
