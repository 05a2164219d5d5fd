namespace Provisioner.Sdk.Schema;

/// <summary>A nested block type inside a <see cref="BlockSchema"/> (for example <c>listener</c> in a load balancer).</summary>
public sealed record NestedBlockSchema(BlockSchema Block, BlockNesting Nesting)
{
    public int MinItems { get; init; }

    /// <summary>0 means no limit.</summary>
    public int MaxItems { get; init; }
}
