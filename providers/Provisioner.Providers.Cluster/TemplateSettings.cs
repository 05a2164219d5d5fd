using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Cluster;

/// <summary>
/// A <c>cluster_template</c>'s effective settings: what the configuration says, RKE's defaults for what it leaves out.
/// Two templates with the same settings have the same <see cref="ContentHash"/>, whatever is spelled out.
/// </summary>
internal sealed partial record TemplateSettings(
    string KubernetesVersion,
    string NetworkPlugin,
    string ServiceCidr,
    string PodCidr,
    string ClusterDomain,
    string DnsIp,
    string AuthorizationMode,
    long BackupIntervalHours,
    long BackupRetention,
    string? BackupTarget,
    long MaxUnavailableControlPlane,
    string MaxUnavailableWorker,
    bool Drain,
    string? RegistryUrl,
    string? RegistryUser,
    string? RegistryPassword,
    string? Artifacts)
{
    public const string DefaultPlugin = "canal";
    public const string DefaultServiceCidr = "10.43.0.0/16";
    public const string DefaultPodCidr = "10.42.0.0/16";
    public const string DefaultClusterDomain = "cluster.local";
    public const string DefaultDnsIp = "10.43.0.10";
    public const string DefaultAuthorizationMode = "rbac";
    public const long DefaultBackupIntervalHours = 6;
    public const long DefaultBackupRetention = 4;
    public const long DefaultMaxUnavailableControlPlane = 1;
    public const string DefaultMaxUnavailableWorker = "10%";

    /// <summary>The template attributes and blocks that make its content (everything but id, revision, content_hash).</summary>
    public static IReadOnlyList<string> ContentAttributes { get; } =
    [
        "kubernetes_version", "service_cidr", "pod_cidr", "cluster_domain", "dns_ip", "authorization_mode", "artifacts",
        "network", "etcd", "upgrade_strategy", "private_registry",
    ];

    public static IReadOnlyList<string> Plugins { get; } = ["canal", "flannel", "calico", "weave", "none"];

    public static IReadOnlyList<string> AuthorizationModes { get; } = ["rbac", "none"];

    /// <summary>A hash of every setting (the registry password only as its hash): equal settings, equal hash.</summary>
    public string ContentHash
    {
        get
        {
            var text = string.Join("\n",
                KubernetesVersion, NetworkPlugin, ServiceCidr, PodCidr, ClusterDomain, DnsIp, AuthorizationMode,
                BackupIntervalHours.ToString(CultureInfo.InvariantCulture), BackupRetention.ToString(CultureInfo.InvariantCulture), BackupTarget ?? "\0",
                MaxUnavailableControlPlane.ToString(CultureInfo.InvariantCulture), MaxUnavailableWorker, Drain ? "1" : "0",
                RegistryUrl ?? "\0", RegistryUser ?? "\0", RegistryPassword is null ? "\0" : Hex(RegistryPassword), Artifacts ?? "\0");
            return Hex(text)[..16];
        }
    }

    private static string Hex(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    /// <summary>The effective settings of a template object (configuration or state); null when some value is not known
    /// yet. Problems are added to <paramref name="diags"/> with paths relative to the template.</summary>
    public static TemplateSettings? From(HclValue template, List<ProviderDiagnostic>? diags = null)
    {
        var t = template.UnmarkDeep().Value;
        if (t.IsNull || !t.IsKnown || !t.Type.IsObject || ContentAttributes.Any(a => ClusterValues.IsUnknown(t, a)))
            return null;
        var network = ClusterValues.Get(t, "network");
        var etcd = ClusterValues.Get(t, "etcd");
        var backup = ClusterValues.Get(etcd, "backup");
        var upgrade = ClusterValues.Get(t, "upgrade_strategy");
        var registry = ClusterValues.Get(t, "private_registry");
        var s = new TemplateSettings(
            ClusterValues.Str(t, "kubernetes_version") ?? "",
            ClusterValues.Str(network, "plugin") ?? DefaultPlugin,
            ClusterValues.Str(t, "service_cidr") ?? DefaultServiceCidr,
            ClusterValues.Str(t, "pod_cidr") ?? DefaultPodCidr,
            ClusterValues.Str(t, "cluster_domain") ?? DefaultClusterDomain,
            ClusterValues.Str(t, "dns_ip") ?? DefaultDnsIp,
            ClusterValues.Str(t, "authorization_mode") ?? DefaultAuthorizationMode,
            ClusterValues.Long(backup, "interval_hours") ?? DefaultBackupIntervalHours,
            ClusterValues.Long(backup, "retention") ?? DefaultBackupRetention,
            ClusterValues.Str(backup, "target"),
            ClusterValues.Long(upgrade, "max_unavailable_controlplane") ?? DefaultMaxUnavailableControlPlane,
            ClusterValues.Str(upgrade, "max_unavailable_worker") ?? DefaultMaxUnavailableWorker,
            ClusterValues.Bool(upgrade, "drain") ?? true,
            ClusterValues.Str(registry, "url"),
            ClusterValues.Str(registry, "user"),
            ClusterValues.Str(registry, "password"),
            ClusterValues.Str(t, "artifacts"));
        if (diags is not null)
            s.Validate(diags);
        return s;
    }

    /// <summary>Checks the settings; errors point at the attribute.</summary>
    public void Validate(List<ProviderDiagnostic> diags)
    {
        if (!VersionPattern().IsMatch(KubernetesVersion))
            diags.Add(ProviderDiagnostic.Error("Invalid kubernetes_version",
                $"\"{KubernetesVersion}\" is not a Kubernetes version; write it as v1.MINOR.PATCH, for example \"v1.30.4\".", AttributePath.Attr("kubernetes_version")));
        if (!Plugins.Contains(NetworkPlugin, StringComparer.Ordinal))
            diags.Add(ProviderDiagnostic.Error("Unknown network plugin",
                $"\"{NetworkPlugin}\" is not a supported network plugin; use one of {string.Join(", ", Plugins)}.", AttributePath.Attr("network").ThenAttr("plugin")));
        if (!AuthorizationModes.Contains(AuthorizationMode, StringComparer.Ordinal))
            diags.Add(ProviderDiagnostic.Error("Unknown authorization_mode",
                $"\"{AuthorizationMode}\" is not an authorization mode; use one of {string.Join(", ", AuthorizationModes)}.", AttributePath.Attr("authorization_mode")));
        var service = Cidr("service_cidr", ServiceCidr, diags);
        var pod = Cidr("pod_cidr", PodCidr, diags);
        if (service is { } sn && pod is { } pn && (sn.Contains(pn.BaseAddress) || pn.Contains(sn.BaseAddress)))
            diags.Add(ProviderDiagnostic.Error("Overlapping CIDR blocks",
                $"service_cidr {ServiceCidr} and pod_cidr {PodCidr} overlap; services and pods need separate address blocks.", AttributePath.Attr("pod_cidr")));
        if (!IPAddress.TryParse(DnsIp, out var dns) || dns.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            diags.Add(ProviderDiagnostic.Error("Invalid dns_ip", $"\"{DnsIp}\" is not an IPv4 address.", AttributePath.Attr("dns_ip")));
        else if (service is { } s2 && !s2.Contains(dns))
            diags.Add(ProviderDiagnostic.Error("dns_ip outside service_cidr",
                $"The cluster DNS address {DnsIp} must be inside service_cidr {ServiceCidr}.", AttributePath.Attr("dns_ip")));
        if (string.IsNullOrWhiteSpace(ClusterDomain) || ClusterDomain.Contains(' ', StringComparison.Ordinal))
            diags.Add(ProviderDiagnostic.Error("Invalid cluster_domain", $"\"{ClusterDomain}\" is not a DNS domain.", AttributePath.Attr("cluster_domain")));
        var backup = AttributePath.Attr("etcd").ThenAttr("backup");
        if (BackupIntervalHours < 1)
            diags.Add(ProviderDiagnostic.Error("Invalid backup interval", "etcd backups are taken at least every hour: interval_hours must be 1 or more.", backup.ThenAttr("interval_hours")));
        if (BackupRetention < 1)
            diags.Add(ProviderDiagnostic.Error("Invalid backup retention", "retention keeps at least one backup.", backup.ThenAttr("retention")));
        var upgrade = AttributePath.Attr("upgrade_strategy");
        if (MaxUnavailableControlPlane < 1)
            diags.Add(ProviderDiagnostic.Error("Invalid max_unavailable_controlplane",
                "At least one control-plane node must be allowed to be unavailable during an upgrade (1 is the safe value).", upgrade.ThenAttr("max_unavailable_controlplane")));
        if (WorkerBatch(MaxUnavailableWorker, 100) is null)
            diags.Add(ProviderDiagnostic.Error("Invalid max_unavailable_worker",
                $"\"{MaxUnavailableWorker}\" is neither a number of nodes (\"3\") nor a percentage (\"10%\") above zero.", upgrade.ThenAttr("max_unavailable_worker")));
    }

    /// <summary>How many of <paramref name="workers"/> may be upgraded at once: a count, or a percentage rounded down
    /// (at least 1), as RKE does; null when the text is neither.</summary>
    public static int? WorkerBatch(string maxUnavailable, int workers)
    {
        var text = maxUnavailable.Trim();
        if (text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pct) && pct is > 0 and <= 100)
            return Math.Max(1, workers * pct / 100);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            return n;
        return null;
    }

    private static IPNetwork? Cidr(string name, string value, List<ProviderDiagnostic> diags)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && IPNetwork.TryParse(value, out var net) && net.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && IPAddress.TryParse(value.AsSpan(0, slash), out var written) && written.Equals(net.BaseAddress))
            return net;
        diags.Add(ProviderDiagnostic.Error($"Invalid {name}", $"\"{value}\" is not an IPv4 CIDR block with its host bits zero (for example \"10.43.0.0/16\").", AttributePath.Attr(name)));
        return null;
    }

    [GeneratedRegex(@"^v?1\.\d{1,3}\.\d{1,3}(-[0-9A-Za-z.+-]+)?$")]
    private static partial Regex VersionPattern();
}
