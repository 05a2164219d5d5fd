using Provisioner.Config;

namespace Provisioner.Engine.Planning;

/// <summary>
/// One object of the configuration in one module (not yet expanded into module or resource instances): the
/// vertices the planner walks in dependency order.
/// </summary>
/// <param name="Id">Unique: the module's address, a bar, and the object key (<c>module.a|sim_machine.web</c>).</param>
/// <param name="Key">The object key inside the module: <c>var.x</c>, <c>local.x</c>, <c>output.x</c>,
/// <c>provider.sim</c>, <c>sim_machine.web</c>, <c>data.sim_image.x</c>, <c>module.m</c> (the call: expansion and
/// inputs) or <c>module.m#outputs</c> (the child's outputs, as the parent sees them).</param>
internal sealed record ConfigVertex(string Id, ModuleNode Module, string Key)
{
    public bool IsResource => !Key.StartsWith("var.", StringComparison.Ordinal) && !Key.StartsWith("local.", StringComparison.Ordinal) &&
        !Key.StartsWith("output.", StringComparison.Ordinal) && !Key.StartsWith("provider.", StringComparison.Ordinal) &&
        !Key.StartsWith("module.", StringComparison.Ordinal);

    public static string IdOf(ModuleNode module, string key) => module.Address + "|" + key;

    public bool Equals(ConfigVertex? other) => other is not null && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);
}
