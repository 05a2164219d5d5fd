namespace Provisioner.Hcl.Json;

/// <summary>A parsed JSON-syntax configuration file (<c>*.hcl.json</c>, <c>*.tf.json</c>): its root body and source bytes.</summary>
public sealed record HclJsonFile(IHclBody Body, ReadOnlyMemory<byte> Bytes);
