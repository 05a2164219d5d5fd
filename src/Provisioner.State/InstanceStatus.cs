namespace Provisioner.State;

public enum InstanceStatus
{
    /// <summary>Created and healthy as far as Provisioner knows.</summary>
    Ready,

    /// <summary>A create failed part way: the object exists but will be replaced by the next apply.</summary>
    Tainted,
}
