namespace Provisioner.Engine.Planning;

/// <summary>What a plan file holds: the plan itself, the configuration it was made from, and who wrote it.</summary>
/// <param name="Plan">The plan, with every value exact (unknowns, marks, 512-bit numbers) and the providers' private data.</param>
/// <param name="ConfigurationDigests">Relative configuration file path → lower-case hex SHA-256 of its bytes, so
/// <c>apply FILE</c> can refuse a plan whose configuration changed since.</param>
/// <param name="ProvisionerVersion">The version of Provisioner that wrote the file.</param>
public sealed record PlanFileContents(
    Plan Plan,
    IReadOnlyDictionary<string, string> ConfigurationDigests,
    string ProvisionerVersion)
{
    /// <summary>
    /// The state the plan was made against (state JSON: <c>moved</c> blocks and refresh results applied), so
    /// <c>apply FILE</c> derives exactly the same changes without refreshing again. Null in files that carry none.
    /// </summary>
    public byte[]? PriorState { get; init; }
}
