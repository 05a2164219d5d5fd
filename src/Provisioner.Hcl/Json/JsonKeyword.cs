namespace Provisioner.Hcl.Json;

/// <summary>The JSON literal keywords.</summary>
internal enum JsonKeyword : byte
{
    True,
    False,
    Null,
}
