namespace Provisioner.Engine.Addresses;

/// <summary>One instance of a resource: <c>sim_machine.web[0]</c>, <c>sim_node_pool.workers["w-3"]</c>.</summary>
/// <remarks>Instances are the vertices of the plan graph and the unit of state; they are never identified by IP.</remarks>
public sealed record ResourceInstanceAddress(ResourceAddress Resource, InstanceKey Key) : IComparable<ResourceInstanceAddress>
{
    public override string ToString() => Resource + Key.ToString();

    /// <summary>Orders addresses as plans list them: by module path, resource, then key.</summary>
    public int CompareTo(ResourceInstanceAddress? other)
    {
        if (other is null)
            return 1;
        var c = string.CompareOrdinal(Resource.Module.ToString(), other.Resource.Module.ToString());
        if (c != 0)
            return c;
        c = Resource.Mode.CompareTo(other.Resource.Mode);
        if (c != 0)
            return c;
        c = string.CompareOrdinal(Resource.Type, other.Resource.Type);
        if (c != 0)
            return c;
        c = string.CompareOrdinal(Resource.Name, other.Resource.Name);
        return c != 0 ? c : Key.CompareTo(other.Key);
    }
}
