namespace Provisioner.Sdk;

/// <summary>Providers by name. Built-in providers are registered at start; the engine looks them up here only.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IProviderFactory> _factories = new(StringComparer.Ordinal);

    public ProviderRegistry Register(IProviderFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories[factory.Name] = factory;
        return this;
    }

    public bool TryGet(string name, out IProviderFactory factory) => _factories.TryGetValue(name, out factory!);

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>The provider name a resource type belongs to: the part before the first underscore.</summary>
    public static string ProviderNameOf(string typeName)
    {
        var i = typeName.IndexOf('_', StringComparison.Ordinal);
        return i < 0 ? typeName : typeName[..i];
    }
}
