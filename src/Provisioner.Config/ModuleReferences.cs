using Provisioner.Config.Validation;

namespace Provisioner.Config;

/// <summary>
/// The static dependency graph of one module, as the validator sees it: for each object, the objects its
/// expressions (and <c>depends_on</c>) refer to. Keys: <c>var.NAME</c>, <c>local.NAME</c>, <c>output.NAME</c>,
/// <c>TYPE.NAME</c>, <c>data.TYPE.NAME</c>, <c>module.NAME</c>, <c>provider.NAME[.ALIAS]</c>. A resource also
/// depends on its provider configuration when that is declared in the module. Only declared objects appear.
/// </summary>
public static class ModuleReferences
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies(ModuleConfig module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return ModuleValidator.Dependencies(module);
    }
}
