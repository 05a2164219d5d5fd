namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// One line of the inventory log: one mutation. Unknown kinds are skipped by readers that do not know them, so new
/// object kinds can be added without breaking older readers.
/// </summary>
/// <remarks>
/// Target registrations and deregistrations are incremental: they carry the load balancer's id, the node and (for a
/// registration) the one target, so registering N targets writes O(N) bytes. Logs written before that carried the
/// whole load balancer with every target in <see cref="LoadBalancer"/> on those records; readers still replay that
/// form (the record's target list replaces the model's).
/// </remarks>
/// <param name="Op"><c>create</c>, <c>update</c>, <c>delete</c>, <c>register</c> or <c>deregister</c>.</param>
/// <param name="Kind"><c>machine</c>, <c>network</c> or <c>load_balancer</c>.</param>
/// <param name="Id">The object's id (the load balancer's, for target registrations and deregistrations).</param>
/// <param name="Token">The idempotency token of the request (null for requests without one).</param>
/// <param name="At">When the cloud carried the request out.</param>
/// <param name="Machine">The machine after a create or update.</param>
/// <param name="Network">The network after a create or update.</param>
/// <param name="LoadBalancer">The load balancer after a create or update, without its targets (an update keeps the
/// registered ones). Old logs only: the whole load balancer after a registration or deregistration.</param>
/// <param name="Node">The node registered or deregistered (target registrations and deregistrations).</param>
/// <param name="Target">The target registered (target registrations).</param>
internal sealed record InventoryRecord(
    string Op,
    string Kind,
    string Id,
    string? Token,
    DateTimeOffset At,
    SimMachine? Machine = null,
    SimNetwork? Network = null,
    SimLoadBalancer? LoadBalancer = null,
    string? Node = null,
    SimLbTarget? Target = null);
