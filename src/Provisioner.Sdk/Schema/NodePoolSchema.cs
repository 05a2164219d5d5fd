namespace Provisioner.Sdk.Schema;

/// <summary>
/// Marks a resource type as a node pool (decision 0006 §1) and names the attributes the engine reads and fills.
/// </summary>
/// <remarks>
/// <para>
/// The engine expands a pool into one instance per node, keyed by a string node name <c>"&lt;name&gt;-&lt;n&gt;"</c>
/// (<c>n</c> counts up per pool and is never reused while a higher one exists). The user never writes
/// <c>count</c>/<c>for_each</c> on a pool.
/// </para>
/// <para>
/// Before the provider plans an instance the engine writes into its configuration object the computed attributes
/// <see cref="NodeNameAttribute"/> (the instance key), <see cref="TemplateHashAttribute"/> (a hash of the
/// <see cref="TemplateAttributes"/> values) and <see cref="TemplateRevisionAttribute"/> (a number that goes up by
/// one each time the hash changes); the provider keeps them as given (declare them <c>Optional</c> and
/// <c>Computed</c>, so a provider that fills computed attributes leaves them alone). A node's object holds null for
/// <see cref="QuantityAttribute"/> and <see cref="RolloutBlock"/>: they belong to the pool (its value carries them),
/// so scaling or changing the rollout settings never updates the remaining nodes. The provider fills
/// <see cref="ReadyAttribute"/> when it reads the machine (false or null = NotReady, removed first on scale-down).
/// </para>
/// <para>
/// The <see cref="RolloutBlock"/> is a single nested block with the attributes <c>max_surge</c> (number, default 1),
/// <c>max_unavailable</c> (number, default 0) and <c>delete_policy</c> (<c>"oldest"</c> or <c>"newest"</c>, default
/// <c>"oldest"</c>).
/// </para>
/// </remarks>
public sealed record NodePoolSchema
{
    /// <summary>The number-typed argument holding how many nodes the pool should have.</summary>
    public string QuantityAttribute { get; init; } = "quantity";

    /// <summary>The string argument holding the pool's name, the prefix of every node key.</summary>
    public string NameAttribute { get; init; } = "name";

    /// <summary>The set/list-of-string argument holding the nodes' roles (<c>etcd</c>, <c>controlplane</c>, <c>worker</c>).</summary>
    public string RolesAttribute { get; init; } = "roles";

    /// <summary>The single nested block with <c>max_surge</c>, <c>max_unavailable</c> and <c>delete_policy</c>.</summary>
    public string RolloutBlock { get; init; } = "rollout";

    /// <summary>
    /// The arguments forming the machine template: a change of any of them rolls the nodes (new node, then the old
    /// one deleted) instead of updating them in place.
    /// </summary>
    public IReadOnlyList<string> TemplateAttributes { get; init; } = [];

    /// <summary>Computed string attribute the engine sets to the node's key.</summary>
    public string NodeNameAttribute { get; init; } = "node_name";

    /// <summary>Computed number attribute the engine sets to the template revision the node was created from.</summary>
    public string TemplateRevisionAttribute { get; init; } = "template_revision";

    /// <summary>Computed string attribute the engine sets to the hash of the template arguments.</summary>
    public string TemplateHashAttribute { get; init; } = "template_hash";

    /// <summary>Computed bool attribute the provider sets from the machine's health when it reads it.</summary>
    public string ReadyAttribute { get; init; } = "ready";

    /// <summary>
    /// The attributes copied from each instance's object into the node objects of the pool's <c>nodes</c> list
    /// (the node's <c>name</c> is always its key, whatever the instance object holds under <c>name</c>).
    /// </summary>
    public IReadOnlyList<string> NodeAttributes { get; init; } =
        ["id", "address", "internal_address", "roles", "labels", "taints", "host_key", "template_revision", "ready", "bootstrap"];
}
