namespace Provisioner.Providers.Sim.Cloud;

/// <summary>What the cloud remembers about a mutating request, looked up by its idempotency token.</summary>
/// <param name="Op">The request: <c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Kind">The object kind: <c>machine</c> or <c>network</c>.</param>
/// <param name="Id">The object the request was about.</param>
/// <param name="Machine">The machine as it is now (null when it no longer exists or is not a machine).</param>
/// <param name="Network">The network as it is now (null when it no longer exists or is not a network).</param>
public sealed record SimOperation(string Op, string Kind, string Id, SimMachine? Machine, SimNetwork? Network);
