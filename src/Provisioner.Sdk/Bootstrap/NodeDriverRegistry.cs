namespace Provisioner.Sdk.Bootstrap;

/// <summary>Node drivers by <c>bootstrap</c> URI scheme. The CLI registers the built-in ones; the <c>cluster</c>
/// provider resolves each node's driver here, so it depends only on the SDK.</summary>
public sealed class NodeDriverRegistry
{
    private readonly Dictionary<string, INodeDriverFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    public NodeDriverRegistry Register(INodeDriverFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories[factory.Scheme] = factory;
        return this;
    }

    public IEnumerable<string> Schemes => _factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>The driver for a node's bootstrap URI, or an error message naming the URI and the known schemes.</summary>
    public (INodeDriver? Driver, string? Error) Resolve(string bootstrap)
    {
        if (string.IsNullOrWhiteSpace(bootstrap))
            return (null, "The node has no bootstrap address (its pool gives none).");
        if (!Uri.TryCreate(bootstrap, UriKind.Absolute, out var uri))
            return (null, $"\"{bootstrap}\" is not a bootstrap URI (expected scheme:..., e.g. sim:/path/m-00000001 or ssh://user@host:22).");
        if (!_factories.TryGetValue(uri.Scheme, out var factory))
        {
            var known = _factories.Count == 0 ? "none" : string.Join(", ", Schemes);
            return (null, $"No node driver for the bootstrap scheme \"{uri.Scheme}\" of {bootstrap} (known: {known}).");
        }
        return (factory.Create(), null);
    }
}
