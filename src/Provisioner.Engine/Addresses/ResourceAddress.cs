namespace Provisioner.Engine.Addresses;

/// <summary>A resource in a module instance: <c>module.net.sim_network.main</c>, <c>data.sim_image.base</c>.</summary>
public sealed record ResourceAddress(ModuleInstance Module, ResourceMode Mode, string Type, string Name)
{
    public ResourceInstanceAddress Instance(InstanceKey key) => new(this, key);

    /// <summary>The address inside its module: <c>sim_machine.web</c> / <c>data.sim_image.base</c>.</summary>
    public string LocalName => (Mode == ResourceMode.Data ? "data." : "") + Type + "." + Name;

    public override string ToString() => Module.IsRoot ? LocalName : Module + "." + LocalName;
}
