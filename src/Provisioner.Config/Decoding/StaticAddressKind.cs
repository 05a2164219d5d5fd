namespace Provisioner.Config.Decoding;

/// <summary>What a static address traversal in <c>moved</c>, <c>import</c> or <c>removed</c> names.</summary>
internal enum StaticAddressKind
{
    Invalid,
    ManagedResource,
    DataResource,
    Module,
}
