namespace Provisioner.Engine.Addresses;

/// <summary>One <c>module.NAME[KEY]</c> step of a module instance path.</summary>
public readonly record struct ModuleStep(string Name, InstanceKey Key)
{
    public override string ToString() => "module." + Name + Key;
}
