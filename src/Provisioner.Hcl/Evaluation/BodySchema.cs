namespace Provisioner.Hcl;

/// <summary>What a body may contain: attributes by name and block types with their labels (HCL's <c>hcl.BodySchema</c>).</summary>
public sealed record BodySchema(IReadOnlyList<AttributeSchema> Attributes, IReadOnlyList<BlockHeaderSchema> Blocks)
{
    public static BodySchema Empty { get; } = new([], []);

    public BodySchema(IReadOnlyList<AttributeSchema> attributes)
        : this(attributes, [])
    {
    }
}
