using Provisioner.Sdk;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning;

/// <summary>One configured provider instance (one <c>provider</c> block, or the implied empty one).</summary>
/// <param name="Key">Identity: the defining module's address, a bar, and <c>NAME[.ALIAS]</c>.</param>
/// <param name="StateName">How state records it: <c>sim</c>, <c>sim.east</c>, <c>module.net.sim</c>.</param>
internal sealed record ProviderHandle(string Key, string StateName, IProvider Provider, ProviderSchema Schema)
{
    public bool Configured { get; set; }

    public bool Failed { get; set; }
}
