namespace Provisioner.Hcl.Evaluation;

/// <summary>A body schema with the schemas of its nested block types (what HCL's <c>hcldec.Spec</c> gives dynblock's variable walk).</summary>
/// <param name="Schema">The attributes and block types of this body.</param>
/// <param name="Blocks">The schema of each nested block type's body, by type name; missing types are not walked.</param>
public sealed record BodySchemaTree(BodySchema Schema, IReadOnlyDictionary<string, BodySchemaTree> Blocks)
{
    /// <summary>A leaf: attributes only.</summary>
    public BodySchemaTree(BodySchema schema)
        : this(schema, new Dictionary<string, BodySchemaTree>(StringComparer.Ordinal))
    {
    }
}
