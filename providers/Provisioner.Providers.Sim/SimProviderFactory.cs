using Provisioner.Sdk;

namespace Provisioner.Providers.Sim;

/// <summary>Creates <c>sim</c> providers (a simulated cloud; see docs/providers/sim.md).</summary>
/// <param name="time">Clock for latency, backoff, consistency delay and <c>created_at</c>; the system clock by default.</param>
public sealed class SimProviderFactory(TimeProvider? time = null) : IProviderFactory
{
    public string Name => "sim";

    public IProvider Create() => new SimProvider(time ?? TimeProvider.System);
}
