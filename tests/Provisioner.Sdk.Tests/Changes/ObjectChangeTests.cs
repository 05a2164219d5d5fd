using Provisioner.Hcl.Values;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Schema;

namespace Provisioner.Sdk.Tests.Changes;

public sealed class ObjectChangeTests
{
    private static readonly BlockSchema Machine = new(
        new Dictionary<string, AttributeSchema>
        {
            ["id"] = AttributeSchema.ComputedOf(HclType.String),
            ["name"] = AttributeSchema.RequiredOf(HclType.String),
            ["size"] = new(HclType.String) { Optional = true, Default = HclValue.String("small") },
            ["zone"] = new(HclType.String) { Optional = true, Computed = true, ForceNew = true },
        },
        new Dictionary<string, NestedBlockSchema>
        {
            ["disk"] = new(new BlockSchema(new Dictionary<string, AttributeSchema>
            {
                ["size_gb"] = new(HclType.Number) { Required = true, ForceNew = true },
                ["device"] = AttributeSchema.ComputedOf(HclType.String),
            }), BlockNesting.List),
        });

    private static HclValue Config(string name, string? size = null, string? zone = null, params long[] disks) =>
        HclValue.Object(
            ("id", HclValue.NullOf(HclType.String)),
            ("name", HclValue.String(name)),
            ("size", size is null ? HclValue.NullOf(HclType.String) : HclValue.String(size)),
            ("zone", zone is null ? HclValue.NullOf(HclType.String) : HclValue.String(zone)),
            ("disk", HclValue.ListOf(HclType.Object(("device", HclType.String), ("size_gb", HclType.Number)),
                disks.Select(d => HclValue.Object(("device", HclValue.NullOf(HclType.String)), ("size_gb", HclValue.Number(d)))))));

    [Fact]
    public void ProposedNew_Create_ComputedAttributesUnknownDefaultsApplied()
    {
        var p = ObjectChange.ProposedNew(Machine, HclValue.NullOf(Machine.ImpliedType()), Config("web", disks: 10));
        Assert.False(p.GetAttribute("id").IsKnown);
        Assert.False(p.GetAttribute("zone").IsKnown);
        Assert.Equal("small", p.GetAttribute("size").AsString());
        Assert.False(p.GetAttribute("disk").Elements[0].GetAttribute("device").IsKnown);
    }

    [Fact]
    public void ProposedNew_Update_KeepsPriorComputedValues()
    {
        // Given a prior object the provider filled in
        var prior = HclValue.Object(
            ("id", HclValue.String("m-1")), ("name", HclValue.String("web")), ("size", HclValue.String("small")), ("zone", HclValue.String("a")),
            ("disk", HclValue.List(HclValue.Object(("device", HclValue.String("/dev/sdb")), ("size_gb", HclValue.Number(10))))));

        // When the configuration changes only the size
        var p = ObjectChange.ProposedNew(Machine, prior, Config("web", size: "large", disks: 10));

        // Then
        Assert.Equal("m-1", p.GetAttribute("id").AsString());
        Assert.Equal("a", p.GetAttribute("zone").AsString());
        Assert.Equal("large", p.GetAttribute("size").AsString());
        Assert.Equal("/dev/sdb", p.GetAttribute("disk").Elements[0].GetAttribute("device").AsString());
        Assert.Empty(ObjectChange.ForceNewChanges(Machine, prior, p));
    }

    [Fact]
    public void ForceNewChanges_ZoneAndNestedDiskSize_AreReported()
    {
        var prior = HclValue.Object(
            ("id", HclValue.String("m-1")), ("name", HclValue.String("web")), ("size", HclValue.String("small")), ("zone", HclValue.String("a")),
            ("disk", HclValue.List(HclValue.Object(("device", HclValue.String("/dev/sdb")), ("size_gb", HclValue.Number(10))))));
        var p = ObjectChange.ProposedNew(Machine, prior, Config("web", zone: "b", disks: 20));
        var paths = ObjectChange.ForceNewChanges(Machine, prior, p).Select(x => x.ToString()).ToList();
        Assert.Equal(["zone", "disk[0].size_gb"], paths);
    }

    [Fact]
    public void ProposedNew_MapNestedBlocks_MatchPriorByKey()
    {
        var inner = new BlockSchema(new Dictionary<string, AttributeSchema>
        {
            ["port"] = AttributeSchema.RequiredOf(HclType.Number),
            ["id"] = AttributeSchema.ComputedOf(HclType.String),
        });
        var schema = new BlockSchema(new Dictionary<string, AttributeSchema>(), new Dictionary<string, NestedBlockSchema>
        {
            ["listener"] = new(inner, BlockNesting.Map),
        });
        HclValue Listener(long port, HclValue id) => HclValue.Object(("id", id), ("port", HclValue.Number(port)));
        var prior = HclValue.Object(("listener", HclValue.Map([new("api", Listener(6443, HclValue.String("l-1")))])));
        var config = HclValue.Object(("listener", HclValue.Map([
            new("api", Listener(6443, HclValue.NullOf(HclType.String))),
            new("rke", Listener(9345, HclValue.NullOf(HclType.String))),
        ])));
        var p = ObjectChange.ProposedNew(schema, prior, config);
        var listeners = p.GetAttribute("listener");
        Assert.Equal("l-1", listeners.Attributes["api"].GetAttribute("id").AsString());
        Assert.False(listeners.Attributes["rke"].GetAttribute("id").IsKnown);
    }
}
