using System.Globalization;

namespace Provisioner.State.Tests.Backends;

/// <summary>
/// The big state of the backend tests and of bench/state (linked there): one <c>sim_machine</c> instance per resource,
/// about 350 bytes of JSON each (a 100,000-resource state is 35 MB).
/// </summary>
internal static class BigStates
{
    public static string Attributes(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"i-{i:x8}\",\"name\":\"m{i}\",\"size\":\"small\",\"zone\":\"z1\",\"tags\":{{\"pool\":\"p{i % 100}\"}}}}");

    public static InstanceState Instance(int i) => new() { AttributesJson = Attributes(i), Generation = 1 };

    /// <summary>A state of <paramref name="resources"/> resources <c>sim_machine.m0</c>, <c>m1</c>, ... at serial 1.</summary>
    public static StateSnapshot SimMachines(string lineage, int resources)
    {
        var state = new StateSnapshot(lineage, 1);
        for (var i = 0; i < resources; i++)
        {
            var r = new ResourceState("", "managed", "sim_machine", string.Create(CultureInfo.InvariantCulture, $"m{i}"), "provider[\"sim\"]");
            r.Instances.Add(Instance(i));
            state.Resources.Add(r);
        }
        return state;
    }
}
