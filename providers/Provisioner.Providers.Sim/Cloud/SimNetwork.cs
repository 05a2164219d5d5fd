namespace Provisioner.Providers.Sim.Cloud;

/// <summary>A network as the simulated cloud records it.</summary>
/// <param name="Id">Cloud id, <c>net-</c> + 8 hex digits.</param>
/// <param name="Cidr">IPv4 CIDR machines on this network get their addresses from.</param>
public sealed record SimNetwork(string Id, string Name, string Cidr, DateTimeOffset CreatedAt);
