namespace Provisioner.Sdk.Bootstrap;

/// <summary>Creates <see cref="INodeDriver"/>s for one <c>bootstrap</c> URI scheme (<c>sim</c>, <c>ssh</c>).</summary>
public interface INodeDriverFactory
{
    /// <summary>The URI scheme, without the colon, lower case.</summary>
    string Scheme { get; }

    /// <summary>A driver for the nodes of this scheme: it serves any node (each call names its <see cref="NodeTarget"/>,
    /// whose <see cref="NodeTarget.Bootstrap"/> says where the node is) and must be thread-safe.</summary>
    INodeDriver Create();
}
