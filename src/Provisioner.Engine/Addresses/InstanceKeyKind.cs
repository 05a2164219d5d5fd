namespace Provisioner.Engine.Addresses;

public enum InstanceKeyKind
{
    None,
    Int,
    String,
}
