using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Sim;

/// <summary>The sim provider's schema: its configuration, <c>sim_network</c>, <c>sim_machine</c>, data <c>sim_image</c>.</summary>
internal static class SimSchemas
{
    public const string Network = "sim_network";
    public const string Machine = "sim_machine";
    public const string Image = "sim_image";

    public const string DefaultCidr = "10.0.0.0/16";
    public const string DefaultSize = "small";
    public const string DefaultZone = "zone-a";
    public const string DefaultInventoryDir = ".sim";

    /// <summary>Machine sizes the simulated cloud offers.</summary>
    public static readonly IReadOnlyList<string> Sizes = ["nano", "small", "medium", "large", "xlarge"];

    public static BlockSchema ProviderConfig { get; } = new(Attrs(
        ("inventory_dir", Optional(HclType.String, $"Directory of the simulated cloud's inventory; relative paths are resolved against the configuration directory. Default \"{DefaultInventoryDir}\".")),
        ("latency_ms", Optional(HclType.Number, "Time every API call takes, in milliseconds. Default 0.")),
        ("jitter_ms", Optional(HclType.Number, "Each call's latency varies uniformly by up to this many milliseconds either way. Default 0.")),
        ("transient_error_rate", Optional(HclType.Number, "Probability in [0, 1] that a call fails with a retriable error. Default 0.")),
        ("capacity", Optional(HclType.Number, "Most machines that may exist at once; unset means unlimited.")),
        ("consistency_delay_ms", Optional(HclType.Number, "A created machine stays invisible to reads for this many milliseconds. Default 0.")),
        ("seed", Optional(HclType.Number, "Seed of the simulation's randomness (jitter, transient errors), for reproducible runs.")),
        ("max_concurrency", Optional(HclType.Number, "Most mutating calls in flight at once; 0 or unset means no own limit.")),
        ("max_retries", Optional(HclType.Number, "How many times a call failing with a retriable error is retried. Default 5."))))
    {
        Description = "A simulated cloud for tests, demos and benchmarks. Nothing real is created.",
    };

    public static ResourceSchema NetworkResource { get; } = new(Network, new BlockSchema(Attrs(
        ("id", Computed(HclType.String, "The network's id (net-...).")),
        ("name", Required(HclType.String, "The network's name.")),
        ("cidr", new AttributeSchema(HclType.String)
        {
            Optional = true,
            ForceNew = true,
            Default = HclValue.String(DefaultCidr),
            Description = $"IPv4 block machines on the network get addresses from (/{Cloud.Ipv4Cidr.MinPrefix} to /{Cloud.Ipv4Cidr.MaxPrefix}). Changing it replaces the network. Default \"{DefaultCidr}\".",
        }))))
    {
        Description = "A simulated network.",
    };

    public static ResourceSchema MachineResource { get; } = new(Machine, new BlockSchema(Attrs(
        ("id", Computed(HclType.String, "The machine's id (m-...).")),
        ("name", Required(HclType.String, "The machine's name.")),
        ("image", Optional(HclType.String, "Image id, for example data.sim_image.x.id. Updated in place.")),
        ("size", new AttributeSchema(HclType.String)
        {
            Optional = true,
            Default = HclValue.String(DefaultSize),
            Description = $"One of {string.Join(", ", Sizes)}. Updated in place. Default \"{DefaultSize}\".",
        }),
        ("network_id", new AttributeSchema(HclType.String)
        {
            Optional = true,
            ForceNew = true,
            Description = "The sim_network to attach to; without it the address comes from 10.0.0.0/16. Changing it replaces the machine.",
        }),
        ("labels", Optional(HclType.Map(HclType.String), "Labels (map of strings). Updated in place.")),
        ("zone", new AttributeSchema(HclType.String)
        {
            Optional = true,
            ForceNew = true,
            Default = HclValue.String(DefaultZone),
            Description = $"Zone of the machine. Changing it replaces the machine. Default \"{DefaultZone}\".",
        }),
        ("address", Computed(HclType.String, "IPv4 address allocated from the network's CIDR.")),
        ("created_at", Computed(HclType.String, "When the cloud created the machine (RFC 3339, UTC).")))))
    {
        Description = "A simulated machine.",
    };

    public static ResourceSchema ImageData { get; } = new(Image, new BlockSchema(Attrs(
        ("name", Required(HclType.String, "The image's name.")),
        ("id", Computed(HclType.String, "The image's id: img- followed by a stable hash of the name.")))))
    {
        Description = "Looks up a simulated image by name.",
    };

    public static ProviderSchema Provider { get; } = new(
        ProviderConfig,
        new Dictionary<string, ResourceSchema>(StringComparer.Ordinal)
        {
            [Network] = NetworkResource,
            [Machine] = MachineResource,
            [SimPoolSchemas.NodePool] = SimPoolSchemas.NodePoolResource,
            [SimPoolSchemas.LoadBalancer] = SimPoolSchemas.LoadBalancerResource,
            [SimPoolSchemas.LoadBalancerTarget] = SimPoolSchemas.LoadBalancerTargetResource,
        },
        new Dictionary<string, ResourceSchema>(StringComparer.Ordinal) { [Image] = ImageData });

    private static Dictionary<string, AttributeSchema> Attrs(params (string Name, AttributeSchema Schema)[] attrs) =>
        attrs.ToDictionary(a => a.Name, a => a.Schema, StringComparer.Ordinal);

    private static AttributeSchema Required(HclType type, string description) => new(type) { Required = true, Description = description };

    private static AttributeSchema Optional(HclType type, string description) => new(type) { Optional = true, Description = description };

    private static AttributeSchema Computed(HclType type, string description) => new(type) { Computed = true, Description = description };
}
