namespace Provisioner.Cli.Views;

/// <summary>What an apply did, for its summary line.</summary>
internal readonly record struct ApplyCounts(int Added, int Changed, int Destroyed, int Forgotten = 0, int Imported = 0);
