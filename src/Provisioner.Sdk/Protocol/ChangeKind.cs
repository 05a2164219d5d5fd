namespace Provisioner.Sdk.Protocol;

/// <summary>The kind of a mutating provider call, as journaled before it is made.</summary>
public enum ChangeKind
{
    Create,
    Update,
    Delete,
}
