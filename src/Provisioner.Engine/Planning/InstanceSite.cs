using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Schema;

namespace Provisioner.Engine.Planning;

/// <summary>Where a planned instance came from, so the executor can evaluate its configuration again with final values.</summary>
internal sealed record InstanceSite(
    ModuleScope Scope,
    Resource Resource,
    ConfigVertex Vertex,
    InstanceKey Key,
    HclValue? EachValue,
    ProviderHandle Provider,
    ResourceSchema Schema);
