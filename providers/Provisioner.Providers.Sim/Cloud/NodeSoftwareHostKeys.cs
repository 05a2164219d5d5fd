using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The host key a simulated machine presents: an <c>ssh-ed25519</c> public key in OpenSSH format, derived from
/// the machine id (stable for the machine's life, different for every machine).</summary>
public static class NodeSoftwareHostKeys
{
    public static string For(string machineId)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("sim host key " + machineId));
        var type = "ssh-ed25519"u8;
        var blob = new byte[4 + type.Length + 4 + key.Length];
        BinaryPrimitives.WriteInt32BigEndian(blob, type.Length);
        type.CopyTo(blob.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4 + type.Length), key.Length);
        key.CopyTo(blob.AsSpan(8 + type.Length));
        return "ssh-ed25519 " + Convert.ToBase64String(blob);
    }
}
