namespace Provisioner.Engine.Planning.Pools;

/// <summary>A node of a pool as the prior state (and refresh) knows it.</summary>
/// <param name="Key">The instance key, <c>"&lt;pool name&gt;-&lt;n&gt;"</c>.</param>
/// <param name="N">The node's number in its pool.</param>
/// <param name="Revision">The template revision it was created from (null when unknown).</param>
/// <param name="TemplateHash">The hash of the template it was created from (null when unknown).</param>
/// <param name="Ready">False when refresh saw it NotReady.</param>
/// <param name="Gone">True when refresh found the machine deleted outside Provisioner.</param>
internal sealed record PoolNode(string Key, long N, long? Revision, string? TemplateHash, bool Ready, bool Gone);
