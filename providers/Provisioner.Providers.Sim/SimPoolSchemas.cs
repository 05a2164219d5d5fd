using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Sim;

/// <summary>Schemas of <c>sim_node_pool</c>, <c>sim_load_balancer</c> and its member type <c>sim_load_balancer_target</c>.</summary>
internal static class SimPoolSchemas
{
    public const string NodePool = "sim_node_pool";
    public const string LoadBalancer = "sim_load_balancer";
    public const string LoadBalancerTarget = "sim_load_balancer_target";

    private static AttributeSchema Required(HclType type, string description) => new(type) { Required = true, Description = description };

    private static AttributeSchema Optional(HclType type, string description) => new(type) { Optional = true, Description = description };

    private static AttributeSchema Computed(HclType type, string description) => new(type) { Computed = true, Description = description };

    private static AttributeSchema EngineSet(HclType type, string description) => new(type) { Optional = true, Computed = true, Description = description };

    private static Dictionary<string, AttributeSchema> Attrs(params (string Name, AttributeSchema Schema)[] attrs) =>
        attrs.ToDictionary(a => a.Name, a => a.Schema, StringComparer.Ordinal);

    public static ResourceSchema NodePoolResource { get; } = new(NodePool, new BlockSchema(Attrs(
        ("name", Required(HclType.String, "The pool's name; nodes are named \"<name>-<n>\".")),
        ("quantity", Required(HclType.Number, "How many nodes the pool has.")),
        ("roles", Required(HclType.List(HclType.String), "The nodes' roles: any of etcd, controlplane, worker.")),
        ("image", Optional(HclType.String, "Machine template: image id. A change rolls the nodes.")),
        ("size", new AttributeSchema(HclType.String)
        {
            Optional = true,
            Default = HclValue.String(SimSchemas.DefaultSize),
            Description = $"Machine template: one of {string.Join(", ", SimSchemas.Sizes)}. A change rolls the nodes. Default \"{SimSchemas.DefaultSize}\".",
        }),
        ("zone", new AttributeSchema(HclType.String)
        {
            Optional = true,
            Default = HclValue.String(SimSchemas.DefaultZone),
            Description = $"Machine template: zone. A change rolls the nodes. Default \"{SimSchemas.DefaultZone}\".",
        }),
        ("network_id", Optional(HclType.String, "Machine template: the sim_network to attach to. A change rolls the nodes.")),
        ("labels", Optional(HclType.Map(HclType.String), "Node labels (also set on the machines). Updated in place.")),
        ("taints", Optional(HclType.List(HclType.String), "Node taints, \"key=value:Effect\". Updated in place.")),
        ("id", Computed(HclType.String, "The node's machine id (m-...).")),
        ("address", Computed(HclType.String, "The node's address.")),
        ("internal_address", Computed(HclType.String, "The node's address inside its network (the same as address in the simulation).")),
        ("host_key", Computed(HclType.String, "The node's SSH host key (simulated, stable per machine).")),
        ("ready", Computed(HclType.Bool, "Whether the machine is up (false: NotReady, removed first on scale-down).")),
        ("bootstrap", Computed(HclType.String, "The node driver URI: sim:<inventory dir>/<machine id>.")),
        ("created_at", Computed(HclType.String, "When the machine was created (RFC 3339, UTC).")),
        ("node_name", EngineSet(HclType.String, "The node's name (its instance key), set by the engine.")),
        ("template_revision", EngineSet(HclType.Number, "The machine template revision the node was created from, set by the engine.")),
        ("template_hash", EngineSet(HclType.String, "A hash of the machine template the node was created from, set by the engine."))),
        new Dictionary<string, NestedBlockSchema>(StringComparer.Ordinal)
        {
            ["ssh"] = new(new BlockSchema(Attrs(
                ("user", Optional(HclType.String, "SSH user. Default \"root\".")),
                ("port", Optional(HclType.Number, "SSH port. Default 22.")),
                ("private_key", new AttributeSchema(HclType.String) { Optional = true, Sensitive = true, Description = "Private key (PEM)." }))), BlockNesting.Single),
            ["rollout"] = new(new BlockSchema(Attrs(
                ("max_surge", Optional(HclType.Number, "New nodes ahead of the old ones they replace. Default 1.")),
                ("max_unavailable", Optional(HclType.Number, "Old nodes gone before their replacements exist. Default 0.")),
                ("delete_policy", Optional(HclType.String, "\"oldest\" (default) or \"newest\": which nodes a scale-down removes.")))), BlockNesting.Single),
            ["failure"] = new(new BlockSchema(Attrs(
                ("nodes", Optional(HclType.List(HclType.String), "Which nodes of the pool (\"<name>-<n>\"); default every node.")),
                ("fail_join_times", Optional(HclType.Number, "The node's next N joins fail (its kubelet does not register). Armed when its machine is created or the value changes.")),
                ("slow_drain_ms", Optional(HclType.Number, "Draining the node takes this many milliseconds.")))), BlockNesting.List),
        }))
    {
        Description = "A pool of simulated machines: one instance per node.",
        NodePool = new NodePoolSchema { TemplateAttributes = ["image", "size", "zone", "network_id"] },
    };

    public static ResourceSchema LoadBalancerResource { get; } = new(LoadBalancer, new BlockSchema(Attrs(
        ("name", Required(HclType.String, "The load balancer's name.")),
        ("targets", Optional(HclType.Dynamic, "Nodes to send traffic to (node objects, e.g. sim_node_pool.cp.nodes); each becomes a sim_load_balancer_target member.")),
        ("id", Computed(HclType.String, "The load balancer's id (lb-...).")),
        ("address", Computed(HclType.String, "Its virtual address.")),
        ("dns_name", Computed(HclType.String, "Its DNS name."))),
        new Dictionary<string, NestedBlockSchema>(StringComparer.Ordinal)
        {
            ["listener"] = new(new BlockSchema(Attrs(
                ("port", Required(HclType.Number, "Port the load balancer listens on.")),
                ("target_port", Required(HclType.Number, "Port on the targets traffic goes to.")))), BlockNesting.List) { MinItems = 1 },
            ["health_check"] = new(new BlockSchema(Attrs(
                ("port", Required(HclType.Number, "TCP port checked on each target.")),
                ("interval", Optional(HclType.Number, "Seconds between checks. Default 10.")))), BlockNesting.Single),
        }))
    {
        Description = "A simulated L4 TCP load balancer.",
        Members = new MemberSchema(LoadBalancerTarget, "targets", 0),
    };

    public static ResourceSchema LoadBalancerTargetResource { get; } = new(LoadBalancerTarget, new BlockSchema(Attrs(
        ("parent", Optional(HclType.Dynamic, "The load balancer (set by the engine).")),
        ("node", Optional(HclType.Dynamic, "The node (set by the engine).")),
        ("id", Computed(HclType.String, "<load balancer id>/<node name>.")),
        ("address", Computed(HclType.String, "The address traffic goes to.")))))
    {
        Description = "One node registered with a sim_load_balancer; created by the engine for each of its targets.",
    };

    /// <summary>Which sim kind of cloud object a resource type is made of.</summary>
    public static bool IsMachineLike(string type) => type is SimSchemas.Machine or NodePool;

    public static AttributePath Attr(string name) => AttributePath.Attr(name);
}
