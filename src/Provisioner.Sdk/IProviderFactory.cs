namespace Provisioner.Sdk;

/// <summary>Creates unconfigured provider instances; one instance per <c>provider</c> block (and alias).</summary>
public interface IProviderFactory
{
    string Name { get; }

    IProvider Create();
}
