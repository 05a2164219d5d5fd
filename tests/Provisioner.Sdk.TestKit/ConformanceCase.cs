using Provisioner.Hcl.Values;

namespace Provisioner.Sdk.TestKit;

/// <summary>One resource type exercised by <see cref="ProviderConformanceTests"/>.</summary>
/// <param name="TypeName">The resource type, e.g. <c>sim_machine</c>.</param>
/// <param name="Create">Attributes of a configuration to create (attributes left out are null).</param>
/// <param name="Update">The same object with attributes changed that update in place.</param>
/// <param name="Replace">Optionally, the same object with an attribute changed that forces replacement.</param>
public sealed record ConformanceCase(
    string TypeName,
    IReadOnlyDictionary<string, HclValue> Create,
    IReadOnlyDictionary<string, HclValue> Update,
    IReadOnlyDictionary<string, HclValue>? Replace = null)
{
    public override string ToString() => TypeName;
}
