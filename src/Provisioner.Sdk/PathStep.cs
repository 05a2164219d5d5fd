namespace Provisioner.Sdk;

/// <summary>One step of an <see cref="AttributePath"/>: an attribute name, a map key, or a list index.</summary>
public readonly record struct PathStep(PathStepKind Kind, string? Name, long Position)
{
    public static PathStep Attr(string name) => new(PathStepKind.Attribute, name, 0);

    public static PathStep Key(string key) => new(PathStepKind.Key, key, 0);

    public static PathStep At(long index) => new(PathStepKind.Index, null, index);
}
