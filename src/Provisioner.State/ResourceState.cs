namespace Provisioner.State;

/// <summary>One <c>resource</c> or <c>data</c> block's recorded instances.</summary>
/// <param name="module">Module instance path (<c>module.a["x"]</c>), empty for the root module.</param>
/// <param name="mode"><c>managed</c> or <c>data</c>.</param>
/// <param name="type">Resource type, e.g. <c>sim_machine</c>.</param>
/// <param name="name">Resource name in its module.</param>
/// <param name="provider">The provider configuration that manages it: <c>sim</c> or <c>sim.alias</c>.</param>
public sealed class ResourceState(string module, string mode, string type, string name, string provider)
{
    public string Module { get; } = module;

    public string Mode { get; } = mode;

    public string Type { get; } = type;

    public string Name { get; } = name;

    public string Provider { get; set; } = provider;

    /// <summary><c>""</c> (single instance), <c>list</c> (count) or <c>map</c> (for_each).</summary>
    public string Each { get; set; } = "";

    public List<InstanceState> Instances { get; } = [];

    /// <summary>The resource address: <c>module.a.sim_machine.web</c>, <c>data.sim_image.x</c>.</summary>
    public string Address
    {
        get
        {
            var local = (Mode == "data" ? "data." : "") + Type + "." + Name;
            return Module.Length == 0 ? local : Module + "." + local;
        }
    }
}
