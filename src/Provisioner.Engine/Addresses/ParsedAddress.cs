namespace Provisioner.Engine.Addresses;

/// <summary>
/// An address as a user writes it on the command line (<c>-target</c>, <c>-replace</c>, <c>state mv</c>): a module
/// instance, a whole resource, or one resource instance.
/// </summary>
/// <param name="Module">The module instance part.</param>
/// <param name="Resource">The resource, or null when the address names a module.</param>
/// <param name="Key">The instance key, when one was given.</param>
/// <param name="HasKey">True when the text ended with an index (<c>[0]</c>); false names every instance.</param>
public sealed record ParsedAddress(ModuleInstance Module, ResourceAddress? Resource, InstanceKey Key, bool HasKey)
{
    /// <summary>True when <paramref name="instance"/> is inside what this address names.</summary>
    public bool Contains(ResourceInstanceAddress instance)
    {
        if (Resource is null)
        {
            var steps = instance.Resource.Module.Steps;
            if (steps.Count < Module.Steps.Count)
                return false;
            for (var i = 0; i < Module.Steps.Count; i++)
            {
                if (steps[i] != Module.Steps[i])
                    return false;
            }
            return true;
        }
        return instance.Resource == Resource && (!HasKey || instance.Key == Key);
    }

    public override string ToString() =>
        Resource is null ? Module.ToString() : HasKey ? Resource + Key.ToString() : Resource.ToString();
}
