namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// One line of the inventory log: one mutation. Unknown kinds are skipped by readers that do not know them, so new
/// object kinds can be added without breaking older readers.
/// </summary>
/// <param name="Op"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Kind"><c>machine</c> or <c>network</c>.</param>
/// <param name="Id">The object's id.</param>
/// <param name="Token">The idempotency token of the request (null for requests without one).</param>
/// <param name="At">When the cloud carried the request out.</param>
/// <param name="Machine">The machine after a create or update.</param>
/// <param name="Network">The network after a create or update.</param>
/// <param name="LoadBalancer">The load balancer after a create, update, target registration or deregistration.</param>
/// <param name="Node">The node registered or deregistered (target registrations and deregistrations).</param>
internal sealed record InventoryRecord(
    string Op,
    string Kind,
    string Id,
    string? Token,
    DateTimeOffset At,
    SimMachine? Machine = null,
    SimNetwork? Network = null,
    SimLoadBalancer? LoadBalancer = null,
    string? Node = null);
