namespace Provisioner.Engine.Planning.Pools;

/// <summary>A rolled node and its replacement.</summary>
/// <param name="Old">The node on the old template (deleted).</param>
/// <param name="New">Its replacement (created).</param>
/// <param name="NewFirst">True when the new node is in before the old one leaves (surge); false when the old one leaves first (max_unavailable).</param>
internal sealed record PoolReplacement(string Old, string New, bool NewFirst);
