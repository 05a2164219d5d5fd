namespace Provisioner.Config;

/// <summary>A module in the tree: the root (<see cref="Path"/> empty) or a child called by <see cref="Call"/>.</summary>
/// <param name="Path">Module path segments: <c>["a", "b"]</c> is <c>module.a.module.b</c>.</param>
public sealed record ModuleNode(
    IReadOnlyList<string> Path,
    ModuleConfig Config,
    ModuleCall? Call,
    IReadOnlyDictionary<string, ModuleNode> Children)
{
    public bool IsRoot => Path.Count == 0;

    /// <summary><c>module.a.module.b</c>; empty for the root.</summary>
    public string Address => string.Join('.', Path.Select(p => "module." + p));

    /// <summary>This module and every descendant, depth first, children in call-name order.</summary>
    public IEnumerable<ModuleNode> Descendants()
    {
        yield return this;
        foreach (var child in Children.Values)
        {
            foreach (var d in child.Descendants())
                yield return d;
        }
    }

    public override string ToString() => IsRoot ? "root module" : Address;
}
