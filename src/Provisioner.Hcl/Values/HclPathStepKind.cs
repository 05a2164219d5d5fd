namespace Provisioner.Hcl.Values;

/// <summary>Kinds of <see cref="HclPathStep"/> (cty <c>GetAttrStep</c> and <c>IndexStep</c> with string or number key).</summary>
public enum HclPathStepKind : byte
{
    /// <summary><c>.name</c> on an object.</summary>
    Attribute,

    /// <summary><c>["key"]</c> on a map (or object by key).</summary>
    Key,

    /// <summary><c>[0]</c> on a list or tuple.</summary>
    Index,
}
