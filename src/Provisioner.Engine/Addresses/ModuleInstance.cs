namespace Provisioner.Engine.Addresses;

/// <summary>A path to a module instance: empty for the root module, else <c>module.a["x"].module.b</c>.</summary>
public sealed record ModuleInstance(IReadOnlyList<ModuleStep> Steps)
{
    public static ModuleInstance Root { get; } = new([]);

    public bool IsRoot => Steps.Count == 0;

    public ModuleInstance Child(string name, InstanceKey key) => new([.. Steps, new ModuleStep(name, key)]);

    public ModuleInstance? Parent => IsRoot ? null : new ModuleInstance(Steps.Take(Steps.Count - 1).ToArray());

    public bool Equals(ModuleInstance? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var s in Steps)
            h.Add(s);
        return h.ToHashCode();
    }

    public override string ToString() => string.Join('.', Steps);
}
