using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Views;

/// <summary>One root output to list after apply.</summary>
internal sealed record ApplyOutput(string Name, HclValue Value, bool Sensitive);
