using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>Reads a data source.</summary>
public sealed record ReadDataRequest(string TypeName, HclValue Config);
