namespace Provisioner.Hcl.Syntax;

/// <summary>The kind of a literal index key in a <see cref="TraverseIndex"/>.</summary>
public enum IndexKeyKind
{
    /// <summary>A number; <see cref="TraverseIndex.KeyText"/> is its source text (e.g. legacy <c>.0</c> or <c>[2]</c>).</summary>
    Number,
    /// <summary>A string; <see cref="TraverseIndex.KeyText"/> is its decoded value (e.g. <c>["a"]</c>).</summary>
    String,
    /// <summary><c>true</c> or <c>false</c>; <see cref="TraverseIndex.KeyText"/> is the keyword.</summary>
    Bool,
    /// <summary><c>null</c>.</summary>
    Null,
    /// <summary>An unknown key, produced after a syntax error (HCL's <c>DynamicVal</c>).</summary>
    Unknown,
}
