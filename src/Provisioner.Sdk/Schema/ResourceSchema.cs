namespace Provisioner.Sdk.Schema;

/// <summary>The schema of one resource or data source type (<c>sim_machine</c>), with a version for state upgrades.</summary>
public sealed record ResourceSchema(string TypeName, BlockSchema Block, int Version = 0)
{
    public string Description { get; init; } = "";
}
