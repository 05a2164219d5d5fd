namespace Provisioner.State.Backends;

/// <summary>The type of a backend argument (backend blocks hold literal values only).</summary>
public enum BackendArgumentType
{
    /// <summary>A string; the value is a <see cref="string"/>.</summary>
    String,

    /// <summary>A whole number; the value is a <see cref="long"/>.</summary>
    Number,

    /// <summary>A boolean; the value is a <see cref="bool"/>.</summary>
    Bool,

    /// <summary>A list of strings; the value is an <see cref="IReadOnlyList{T}"/> of <see cref="string"/>.</summary>
    StringList,
}
