using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

/// <summary>A planned change of a root module output.</summary>
public sealed record OutputChange(string Name, ChangeAction Action, HclValue Before, HclValue After, bool Sensitive);
