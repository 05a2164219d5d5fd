using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Bootstrap;
using Provisioner.Sdk.Schema;

namespace Provisioner.Providers.Cluster;

/// <summary>The cluster provider's schema: <c>cluster_template</c>, <c>cluster_rke</c> and its member type <c>cluster_rke_node</c>.</summary>
internal static class ClusterSchemas
{
    public const string Template = "cluster_template";
    public const string Rke = "cluster_rke";
    public const string RkeNode = "cluster_rke_node";

    /// <summary>Cluster nodes join after their load-balancer registration (stage 0) and leave before it.</summary>
    public const int NodeStage = 1;

    public static BlockSchema ProviderConfig { get; } = new(new Dictionary<string, AttributeSchema>(StringComparer.Ordinal))
    {
        Description = "Cluster templates and RKE-style clusters bootstrapped on the nodes of node pools.",
    };

    private static readonly BlockSchema NetworkBlock = new(Attrs(
        ("plugin", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultPlugin),
            $"The CNI: one of {string.Join(", ", TemplateSettings.Plugins)}. Cannot change after the template is created. Default \"canal\"."))));

    private static readonly BlockSchema BackupBlock = new(Attrs(
        ("interval_hours", Defaulted(HclType.Number, HclValue.Number(TemplateSettings.DefaultBackupIntervalHours), "Hours between etcd snapshots. Default 6.")),
        ("retention", Defaulted(HclType.Number, HclValue.Number(TemplateSettings.DefaultBackupRetention), "Snapshots kept. Default 4.")),
        ("target", Optional(HclType.String, "Where snapshots go (a directory or URL); on the etcd nodes when unset."))));

    private static readonly BlockSchema EtcdBlock = new(Attrs(), Blocks(("backup", new NestedBlockSchema(BackupBlock, BlockNesting.Single))));

    private static readonly BlockSchema UpgradeBlock = new(Attrs(
        ("max_unavailable_controlplane", Defaulted(HclType.Number, HclValue.Number(TemplateSettings.DefaultMaxUnavailableControlPlane), "Control-plane nodes upgraded at once. Default 1.")),
        ("max_unavailable_worker", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultMaxUnavailableWorker), "Workers upgraded at once: a count (\"3\") or a percentage (\"10%\"). Default \"10%\".")),
        ("drain", Defaulted(HclType.Bool, HclValue.True, "Cordon and drain a node before upgrading or removing it. Default true."))));

    private static readonly BlockSchema RegistryBlock = new(Attrs(
        ("url", Required(HclType.String, "Registry address images are pulled from.")),
        ("user", Optional(HclType.String, "Registry user.")),
        ("password", new AttributeSchema(HclType.String) { Optional = true, Sensitive = true, Description = "Registry password." })));

    public static ResourceSchema TemplateResource { get; } = new(Template, new BlockSchema(
        Attrs(
            ("id", Computed(HclType.String, "The template's id (tpl-...).")),
            ("name", Required(HclType.String, "The template's name.")),
            ("kubernetes_version", Required(HclType.String, "Kubernetes version, e.g. \"v1.30.4\"; clusters upgrade to it node by node.")),
            ("service_cidr", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultServiceCidr), "Service addresses. Default \"10.43.0.0/16\".")),
            ("pod_cidr", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultPodCidr), "Pod addresses. Default \"10.42.0.0/16\".")),
            ("cluster_domain", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultClusterDomain), "Cluster DNS domain. Default \"cluster.local\".")),
            ("dns_ip", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultDnsIp), "Cluster DNS service address, inside service_cidr. Default \"10.43.0.10\".")),
            ("authorization_mode", Defaulted(HclType.String, HclValue.String(TemplateSettings.DefaultAuthorizationMode), "\"rbac\" or \"none\". Default \"rbac\".")),
            ("artifacts", Optional(HclType.String, "Where the container runtime and Kubernetes packages come from (a checksummed bundle); the nodes' package manager when unset.")),
            ("revision", Computed(HclType.Number, "Goes up by one on every change of the template's content; clusters on an older revision move to it on apply.")),
            ("content_hash", Computed(HclType.String, "Hash of the effective settings (defaults included)."))),
        Blocks(
            ("network", new NestedBlockSchema(NetworkBlock, BlockNesting.Single)),
            ("etcd", new NestedBlockSchema(EtcdBlock, BlockNesting.Single)),
            ("upgrade_strategy", new NestedBlockSchema(UpgradeBlock, BlockNesting.Single)),
            ("private_registry", new NestedBlockSchema(RegistryBlock, BlockNesting.Single)))))
    {
        Description = "Versioned Kubernetes settings with RKE's defaults.",
    };

    private static readonly BlockSchema SshBlock = new(Attrs(
        ("user", Optional(HclType.String, "SSH user for nodes that do not say.")),
        ("private_key_file", Optional(HclType.String, "Private key file.")),
        ("port", Defaulted(HclType.Number, HclValue.Number(22), "SSH port. Default 22.")),
        ("bastion", Optional(HclType.String, "Jump host (user@host:port)."))));

    /// <summary>The computed copy of the template's upgrade strategy on the cluster (its serial groups read it).</summary>
    public static readonly HclType UpgradeStrategyType = HclType.Object(
        ("max_unavailable_controlplane", HclType.Number), ("max_unavailable_worker", HclType.String), ("drain", HclType.Bool));

    public static ResourceSchema RkeResource { get; } = new(Rke, new BlockSchema(
        Attrs(
            ("id", Computed(HclType.String, "The cluster's id (c-...).")),
            ("name", Required(HclType.String, "The cluster's name.")),
            ("template", Required(HclType.Dynamic, "The cluster_template object (cluster_template.x).")),
            ("api_endpoint", Required(HclType.String, "Where nodes and users reach the API: a load balancer address, host:port or URL.")),
            ("nodes", Optional(HclType.Dynamic, "The nodes, from node pools' nodes lists (e.g. concat(sim_node_pool.cp.nodes, sim_node_pool.workers.nodes)); each joins as a cluster_rke_node member.")),
            ("kubeconfig", new AttributeSchema(HclType.String) { Computed = true, Sensitive = true, Description = "Admin kubeconfig (client certificate signed by the cluster CA)." }),
            ("ca_certificate", Computed(HclType.String, "The cluster CA certificate (PEM).")),
            ("etcd_members", Computed(HclType.List(HclType.String), "Names of the nodes with the etcd role (from the node list's names and roles, as configured).")),
            ("template_revision", Computed(HclType.Number, "The template revision the cluster is on.")),
            ("kubernetes_version", Computed(HclType.String, "The Kubernetes version of that revision.")),
            ("upgrade_strategy", Computed(UpgradeStrategyType, "The template's upgrade strategy, as its nodes roll."))),
        Blocks(("ssh", new NestedBlockSchema(SshBlock, BlockNesting.Single)))))
    {
        Description = "An RKE-style cluster on the nodes of node pools.",
        Members = new MemberSchema(RkeNode, "nodes", NodeStage)
        {
            SerialGroups =
            [
                new MemberSerialGroup(NodeRoles.Etcd),
                new MemberSerialGroup(NodeRoles.ControlPlane),
                new MemberSerialGroup(NodeRoles.Worker) { BatchSizeAttribute = AttributePath.Attr("upgrade_strategy").ThenAttr("max_unavailable_worker") },
            ],
            EtcdQuorum = true,
            // The cluster sees each node's name and roles (HA warnings, etcd_members); its members see neither.
            ParentNodeAttributes = ["roles"],
            NodeDerivedAttributes = ["etcd_members"],
            // A join that stops at a step is recorded with its phase and resumed by the next apply.
            ResumeFailedCreate = true,
        },
    };

    public static ResourceSchema RkeNodeResource { get; } = new(RkeNode, new BlockSchema(Attrs(
        ("id", Computed(HclType.String, "<cluster id>/<node name>.")),
        ("parent", Required(HclType.Dynamic, "The cluster (set by the engine).")),
        ("node", Required(HclType.Dynamic, "The node object (set by the engine).")),
        ("phase", Computed(HclType.String, "\"ready\" when joined; otherwise the bootstrap step the next apply resumes at (probe, runtime, etcd, controlplane, join, upgrade, drain, etcd_remove, leave).")),
        ("kubernetes_version", Computed(HclType.String, "The version the node runs.")),
        ("etcd_member", Computed(HclType.Bool, "Whether the node is an etcd member.")))))
    {
        Description = "One node's membership in a cluster_rke (synthesized by the engine from the cluster's nodes).",
    };

    public static ProviderSchema Provider { get; } = new(ProviderConfig,
        new Dictionary<string, ResourceSchema>(StringComparer.Ordinal)
        {
            [Template] = TemplateResource,
            [Rke] = RkeResource,
            [RkeNode] = RkeNodeResource,
        },
        new Dictionary<string, ResourceSchema>(StringComparer.Ordinal));

    private static Dictionary<string, AttributeSchema> Attrs(params (string Name, AttributeSchema Schema)[] attrs) =>
        attrs.ToDictionary(a => a.Name, a => a.Schema, StringComparer.Ordinal);

    private static Dictionary<string, NestedBlockSchema> Blocks(params (string Name, NestedBlockSchema Schema)[] blocks) =>
        blocks.ToDictionary(b => b.Name, b => b.Schema, StringComparer.Ordinal);

    private static AttributeSchema Required(HclType t, string d) => new(t) { Required = true, Description = d };

    private static AttributeSchema Optional(HclType t, string d) => new(t) { Optional = true, Description = d };

    private static AttributeSchema Computed(HclType t, string d) => new(t) { Computed = true, Description = d };

    private static AttributeSchema Defaulted(HclType t, HclValue v, string d) => new(t) { Optional = true, Default = v, Description = d };
}
