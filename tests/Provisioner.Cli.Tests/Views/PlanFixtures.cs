using Provisioner.Engine.Addresses;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Cli.Tests.Views;

/// <summary>Hand-built plans (fixtures) for the plan view snapshot tests; each is named after its golden file.</summary>
internal static class PlanFixtures
{
    public const string Secret = "s3cr3t-value-never-shown";

    private static HclValue S(string s) => HclValue.String(s);

    private static HclValue N(long n) => HclValue.Number(n);

    private static HclValue Unknown(HclType t) => HclValue.UnknownOf(t);

    private static ResourceInstanceAddress Addr(string text) =>
        AddressParser.ParseInstance(text).Address ?? throw new ArgumentException(text);

    private static ResourceInstanceChange Change(string address, ChangeAction action, HclValue before, HclValue after,
        ActionReason reason = ActionReason.None, IReadOnlyList<AttributePath>? replace = null) =>
        new(Addr(address), "sim", action, before, after, replace ?? [], reason, []);

    private static HclValue Tags(params (string Key, string Value)[] tags) =>
        tags.Length == 0 ? HclValue.MapOf(HclType.String) : HclValue.Map(tags.Select(t => new KeyValuePair<string, HclValue>(t.Key, S(t.Value))));

    private static HclValue Disk(long size, string kind) => HclValue.Object(("size", N(size)), ("kind", S(kind)));

    /// <summary>A machine as the sim provider stores it.</summary>
    public static HclValue Machine(string id, string size, long cpus, HclValue tags, HclValue? disks = null, HclValue? password = null, HclValue? ip = null) =>
        HclValue.Object(
            ("id", id.Length == 0 ? Unknown(HclType.String) : S(id)),
            ("name", S("web")),
            ("size", S(size)),
            ("cpus", N(cpus)),
            ("tags", tags),
            ("disks", disks ?? HclValue.ListOf(Disk(1, "x").Type)),
            ("password", password ?? HclValue.NullOf(HclType.String)),
            ("ip", ip ?? (id.Length == 0 ? Unknown(HclType.String) : S("10.0.0.5"))),
            ("ports", HclValue.List(N(22), N(80))),
            ("description", HclValue.NullOf(HclType.String)));

    private static HclType MachineType => Machine("m", "s", 1, Tags()).Type;

    private static Plan MakePlan(IReadOnlyList<ResourceInstanceChange> changes, IReadOnlyList<ResourceInstanceChange>? drift = null,
        IReadOnlyList<OutputChange>? outputs = null, PlanMode mode = PlanMode.Normal) =>
        new(mode, "lineage-1", 3, changes, drift ?? [], outputs ?? [], new Dictionary<string, HclValue>(), new PlanOptions(mode), new DiagnosticList());

    /// <summary>One created instance with unknowns, a sensitive password, a map, a list of objects and nested lists.</summary>
    public static Plan CreateWithUnknowns() => MakePlan([
        Change("sim_machine.web[0]", ChangeAction.Create, HclValue.NullOf(MachineType),
            Machine("", "small", 2, Tags(("env", "prod"), ("team", "core")), HclValue.List(Disk(10, "ssd"), Disk(100, "hdd")),
                password: S(Secret).Mark(HclMarks.Sensitive))),
    ]);

    /// <summary>An in-place update: changed scalar, map entry changed/added/removed, list element changed, sensitive change, unknown.</summary>
    public static Plan UpdateInPlace()
    {
        var before = Machine("m-1", "small", 2, Tags(("env", "prod"), ("team", "core"), ("old", "x")), HclValue.List(Disk(10, "ssd"), Disk(100, "hdd")),
            password: S(Secret).Mark(HclMarks.Sensitive));
        var after = Machine("m-1", "small", 4, Tags(("env", "staging"), ("team", "core"), ("new", "y")), HclValue.List(Disk(10, "ssd"), Disk(200, "hdd")),
            password: S(Secret + "2").Mark(HclMarks.Sensitive), ip: Unknown(HclType.String));
        return MakePlan([Change("sim_machine.web", ChangeAction.Update, before, after)]);
    }

    /// <summary>Replacements: forced by attributes (with the paths marked), tainted, requested, by triggers, create-before-destroy.</summary>
    public static Plan Replacements()
    {
        var before = Machine("m-1", "small", 2, Tags(("env", "prod")));
        var after = Machine("", "large", 2, Tags(("env", "staging")));
        return MakePlan([
            Change("sim_machine.a", ChangeAction.DeleteThenCreate, before, after, ActionReason.ReplaceBecauseCannotUpdate,
                [AttributePath.Attr("size"), AttributePath.Attr("tags").ThenKey("env")]),
            Change("sim_machine.b", ChangeAction.DeleteThenCreate, before, Machine("", "small", 2, Tags(("env", "prod"))), ActionReason.ReplaceBecauseTainted),
            Change("sim_machine.c", ChangeAction.DeleteThenCreate, before, Machine("", "small", 2, Tags(("env", "prod"))), ActionReason.ReplaceByRequest),
            Change("sim_machine.d", ChangeAction.CreateThenDelete, before, Machine("", "small", 2, Tags(("env", "prod"))), ActionReason.ReplaceByTriggers),
        ]);
    }

    /// <summary>Deletions with every reason, including a deposed object and a forgotten one.</summary>
    public static Plan Deletions()
    {
        var m = Machine("m-1", "small", 1, Tags(("env", "prod")), password: S(Secret).Mark(HclMarks.Sensitive));
        var gone = HclValue.NullOf(MachineType);
        var small = HclValue.Object(("id", S("n-1")), ("cidr", S("10.0.0.0/16")));
        return MakePlan([
            Change("sim_machine.old", ChangeAction.Delete, m, gone, ActionReason.DeleteBecauseNoResourceConfig),
            Change("sim_machine.web[3]", ChangeAction.Delete, small, HclValue.NullOf(small.Type), ActionReason.DeleteBecauseCountIndex),
            Change("sim_machine.pool[\"x\"]", ChangeAction.Delete, small, HclValue.NullOf(small.Type), ActionReason.DeleteBecauseEachKey),
            Change("sim_machine.single[0]", ChangeAction.Delete, small, HclValue.NullOf(small.Type), ActionReason.DeleteBecauseWrongRepetition),
            Change("module.gone.sim_network.main", ChangeAction.Delete, small, HclValue.NullOf(small.Type), ActionReason.DeleteBecauseNoModule),
            Change("sim_machine.cbd", ChangeAction.Delete, small, HclValue.NullOf(small.Type)) with { Deposed = "a1b2c3d4" },
            Change("sim_network.kept", ChangeAction.Forget, small, HclValue.NullOf(small.Type)),
        ]);
    }

    /// <summary>A data source read during apply, next to a create it depends on.</summary>
    public static Plan DataRead() => MakePlan([
        Change("data.sim_image.base", ChangeAction.Read, HclValue.NullOf(HclType.Object(("id", HclType.String), ("name", HclType.String))),
            HclValue.Object(("id", Unknown(HclType.String)), ("name", S("debian"))), ActionReason.ReadBecauseConfigUnknown),
        Change("sim_network.main", ChangeAction.Create, HclValue.Null, HclValue.Object(("id", Unknown(HclType.String)), ("cidr", S("10.0.0.0/16")),
            ("subnets", HclValue.EmptyTuple), ("labels", HclValue.MapOf(HclType.String)), ("motd", S("Welcome\nto the network\n")))),
    ]);

    /// <summary>Drift (one changed, one deleted outside) before a plan that responds to it.</summary>
    public static Plan Drift(PlanMode mode = PlanMode.Normal)
    {
        var recorded = HclValue.Object(("id", S("n-1")), ("mtu", N(1500)), ("labels", HclValue.Map([new("a", S("1"))])));
        var refreshed = HclValue.Object(("id", S("n-1")), ("mtu", N(9000)), ("labels", HclValue.Map([new("a", S("1")), new("b", S("2"))])));
        var drift = new[]
        {
            Change("sim_network.main", ChangeAction.Update, recorded, refreshed),
            Change("sim_machine.lost", ChangeAction.Delete, HclValue.Object(("id", S("m-9"))), HclValue.NullOf(HclType.Object(("id", HclType.String)))),
        };
        var changes = mode == PlanMode.RefreshOnly
            ? Array.Empty<ResourceInstanceChange>()
            : [
                Change("sim_network.main", ChangeAction.Update, refreshed, recorded),
                Change("sim_machine.lost", ChangeAction.Create, HclValue.Null, HclValue.Object(("id", Unknown(HclType.String)))),
            ];
        return MakePlan(changes, drift, mode: mode);
    }

    private static OutputChange[] Outputs() =>
    [
        new("ip", ChangeAction.Create, HclValue.Null, Unknown(HclType.String), false),
        new("name", ChangeAction.Update, S("a"), S("b"), false),
        new("password", ChangeAction.Update, S(Secret), S(Secret + "2"), true),
        new("old", ChangeAction.Delete, N(1), HclValue.Null, false),
        new("same", ChangeAction.NoOp, N(1), N(1), false),
        new("tags", ChangeAction.Create, HclValue.Null, Tags(("env", "prod"), ("team", "core")), false),
    ];

    /// <summary>Only outputs change.</summary>
    public static Plan OutputsOnly() => MakePlan(
        [Change("sim_network.main", ChangeAction.NoOp, HclValue.Object(("id", S("n"))), HclValue.Object(("id", S("n"))))],
        outputs: Outputs());

    /// <summary>Nothing to do (a no-op change is not a change).</summary>
    public static Plan Empty(PlanMode mode = PlanMode.Normal) => MakePlan(
        [Change("sim_network.main", ChangeAction.NoOp, HclValue.Object(("id", S("n"))), HclValue.Object(("id", S("n"))))],
        outputs: [new("same", ChangeAction.NoOp, N(1), N(1), false)], mode: mode);

    /// <summary>Everything at once: drift, every action, outputs (used for the colour snapshot).</summary>
    public static Plan Mixed()
    {
        var drift = Drift();
        var create = CreateWithUnknowns().Changes;
        var update = UpdateInPlace().Changes;
        var replace = Replacements().Changes.Take(1);
        var delete = Deletions().Changes.Take(1);
        var read = DataRead().Changes.Take(1);
        return MakePlan([.. read, .. create, .. update, .. replace, .. delete], drift.Drift, Outputs());
    }

    /// <summary>Nested collections: list of lists, set of objects, map of objects, unknown collections, changed tuple.</summary>
    public static Plan NestedValues()
    {
        HclValue Rule(long port, params string[] cidrs) => HclValue.Object(("port", N(port)), ("cidrs", HclValue.ListOf(HclType.String, cidrs.Select(S))));
        var before = HclValue.Object(
            ("id", S("fw-1")),
            ("rules", HclValue.Set(Rule(22, "10.0.0.0/8"), Rule(80, "0.0.0.0/0"))),
            ("matrix", HclValue.List(HclValue.List(N(1), N(2)), HclValue.List(N(3)))),
            ("zones", HclValue.Map([new("eu", HclValue.Object(("primary", S("eu-1")), ("replicas", N(2))))])),
            ("computed", HclValue.List(S("a"), S("b"))),
            ("mixed", HclValue.Tuple(S("a"), N(1), HclValue.True)),
            ("note", S("line one\nline \"two\"")),
            ("script", S("#!/bin/sh\necho hello\nexit 0\n")));
        var after = HclValue.Object(
            ("id", S("fw-1")),
            ("rules", HclValue.Set(Rule(22, "10.0.0.0/8"), Rule(443, "0.0.0.0/0", "::/0"))),
            ("matrix", HclValue.List(HclValue.List(N(1), N(2)), HclValue.List(N(3), N(4)))),
            ("zones", HclValue.Map([new("eu", HclValue.Object(("primary", S("eu-2")), ("replicas", N(2)))), new("us", HclValue.Object(("primary", S("us-1")), ("replicas", N(1))))])),
            ("computed", Unknown(HclType.List(HclType.String))),
            ("mixed", HclValue.Tuple(S("a"), N(2), HclValue.True)),
            ("note", S("line one\nline \"two\"")),
            ("script", S("#!/bin/sh\necho world\nexit 0\n")));
        return MakePlan([Change("sim_firewall.main", ChangeAction.Update, before, after)]);
    }
}
