using System.Globalization;

namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>
/// The configuration the scenarios apply: a control-plane pool (etcd + controlplane) behind an API load balancer, a
/// worker pool, a template and a cluster over the sim provider. Each scenario changes one field between applies.
/// </summary>
internal sealed record ClusterConfig
{
    public int ControlPlanes { get; init; } = 3;

    public int Workers { get; init; } = 5;

    public string ControlPlaneSize { get; init; } = "small";

    public string WorkerSize { get; init; } = "small";

    public string KubernetesVersion { get; init; } = "v1.30.4";

    /// <summary><c>upgrade_strategy.max_unavailable_worker</c>.</summary>
    public string MaxUnavailableWorker { get; init; } = "10%";

    public int ControlPlaneMaxSurge { get; init; } = 1;

    public int ControlPlaneMaxUnavailable { get; init; }

    public int WorkerMaxSurge { get; init; } = 1;

    public int WorkerMaxUnavailable { get; init; }

    /// <summary>The sim's API latency (milliseconds, with as much jitter), so that steps overlap as they would in a cloud.</summary>
    public int LatencyMs { get; init; } = 2;

    public string Render() => string.Create(CultureInfo.InvariantCulture, $$"""
        provider "sim" {
          inventory_dir = "{{ClusterWorkspace.InventoryDirName}}"
          latency_ms    = {{LatencyMs}}
          jitter_ms     = {{LatencyMs}}
        }
        provider "cluster" {}

        resource "sim_node_pool" "cp" {
          name     = "cp"
          quantity = {{ControlPlanes}}
          roles    = ["etcd", "controlplane"]
          size     = "{{ControlPlaneSize}}"
          rollout {
            max_surge       = {{ControlPlaneMaxSurge}}
            max_unavailable = {{ControlPlaneMaxUnavailable}}
          }
        }
        resource "sim_node_pool" "workers" {
          name     = "workers"
          quantity = {{Workers}}
          roles    = ["worker"]
          size     = "{{WorkerSize}}"
          rollout {
            max_surge       = {{WorkerMaxSurge}}
            max_unavailable = {{WorkerMaxUnavailable}}
          }
        }
        resource "sim_load_balancer" "api" {
          name    = "api"
          targets = sim_node_pool.cp.nodes
          listener {
            port        = 6443
            target_port = 6443
          }
        }
        resource "cluster_template" "prod" {
          name               = "prod"
          kubernetes_version = "{{KubernetesVersion}}"
          upgrade_strategy {
            max_unavailable_worker = "{{MaxUnavailableWorker}}"
          }
        }
        resource "cluster_rke" "main" {
          name         = "main"
          template     = cluster_template.prod
          api_endpoint = "${sim_load_balancer.api.dns_name}:6443"
          nodes        = concat(sim_node_pool.cp.nodes, sim_node_pool.workers.nodes)
        }
        """);
}
