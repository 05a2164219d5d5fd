namespace Provisioner.Hcl.Values;

/// <summary>The kind of an <see cref="HclType"/>.</summary>
public enum HclTypeKind
{
    String,
    Number,
    Bool,
    List,
    Set,
    Map,
    Object,
    Tuple,

    /// <summary>The dynamic pseudo-type (<c>any</c>): a placeholder for a type not yet known.</summary>
    Dynamic,
}
