using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.Protocol;

/// <summary>Refreshes one recorded object from the real world.</summary>
public sealed record ReadRequest(string TypeName, HclValue CurrentState, byte[]? Private);
