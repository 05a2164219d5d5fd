using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Sdk.Tests.Schema;

public sealed class BlockSchemaTests
{
    [Fact]
    public void ImpliedType_AttributesAndNestedBlocks_BuildsObjectType()
    {
        // Given a load-balancer-like schema
        var listener = new BlockSchema(new Dictionary<string, AttributeSchema>
        {
            ["port"] = AttributeSchema.RequiredOf(HclType.Number),
            ["target_port"] = AttributeSchema.RequiredOf(HclType.Number),
        });
        var health = new BlockSchema(new Dictionary<string, AttributeSchema> { ["port"] = AttributeSchema.OptionalOf(HclType.Number) });
        var sut = new BlockSchema(
            new Dictionary<string, AttributeSchema>
            {
                ["name"] = AttributeSchema.RequiredOf(HclType.String),
                ["address"] = AttributeSchema.ComputedOf(HclType.String),
            },
            new Dictionary<string, NestedBlockSchema>
            {
                ["listener"] = new(listener, BlockNesting.List) { MinItems = 1 },
                ["health_check"] = new(health, BlockNesting.Single),
                ["tag"] = new(BlockSchema.Empty, BlockNesting.Map),
            });

        // When
        var type = sut.ImpliedType();

        // Then
        Assert.Equal(
            HclType.Object(
                ("address", HclType.String),
                ("health_check", HclType.Object(("port", HclType.Number))),
                ("listener", HclType.List(HclType.Object(("port", HclType.Number), ("target_port", HclType.Number)))),
                ("name", HclType.String),
                ("tag", HclType.Map(HclType.EmptyObject))),
            type);
    }
}
