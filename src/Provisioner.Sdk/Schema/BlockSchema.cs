using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Schema;

/// <summary>The attributes and nested blocks of a body: a resource, a data source, a provider configuration.</summary>
public sealed record BlockSchema
{
    public BlockSchema(IReadOnlyDictionary<string, AttributeSchema> attributes, IReadOnlyDictionary<string, NestedBlockSchema>? blocks = null)
    {
        Attributes = attributes;
        Blocks = blocks ?? new Dictionary<string, NestedBlockSchema>(StringComparer.Ordinal);
    }

    public static BlockSchema Empty { get; } = new(new Dictionary<string, AttributeSchema>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, AttributeSchema> Attributes { get; }

    public IReadOnlyDictionary<string, NestedBlockSchema> Blocks { get; }

    public string Description { get; init; } = "";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BlockSchema, HclType> ImpliedTypes = [];

    /// <summary>The object type of values conforming to this schema (what state and plans hold); computed once per schema object.</summary>
    public HclType ImpliedType() => ImpliedTypes.GetValue(this, s => s.ComputeImpliedType());

    private HclType ComputeImpliedType()
    {
        var attrs = new List<KeyValuePair<string, HclType>>(Attributes.Count + Blocks.Count);
        foreach (var (name, a) in Attributes)
            attrs.Add(new(name, a.Type));
        foreach (var (name, b) in Blocks)
        {
            var inner = b.Block.ImpliedType();
            attrs.Add(new(name, b.Nesting switch
            {
                BlockNesting.Single => inner,
                BlockNesting.List => HclType.List(inner),
                BlockNesting.Set => HclType.Set(inner),
                _ => HclType.Map(inner),
            }));
        }
        return HclType.Object(attrs);
    }
}
