using Provisioner.Engine.Addresses;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Engine.Tests.Planning;

/// <summary>Hand-built plans and values used as fixtures by the plan file, plan JSON and value codec tests.</summary>
internal static class PlanFileFixtures
{
    public const string Secret = "hunter2-very-secret";

    public static HclValue S(string s) => HclValue.String(s);

    public static HclValue N(long n) => HclValue.Number(n);

    public static ResourceInstanceAddress Addr(string text) =>
        AddressParser.ParseInstance(text).Address ?? throw new ArgumentException(text);

    public static ResourceAddress Res(string text) =>
        AddressParser.Parse(text).Address?.Resource ?? throw new ArgumentException(text);

    /// <summary>Every value shape the codec must carry exactly.</summary>
    public static IEnumerable<(string Name, HclValue Value)> Values()
    {
        var pi = HclValue.ParseNumber("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651").Value!;
        yield return ("string", S("héllo \"wörld\"\n\u0001"));
        yield return ("empty string", S(""));
        yield return ("bool", HclValue.True);
        yield return ("512-bit number", pi);
        yield return ("long number (precision 64)", N(-9223372036854775807));
        yield return ("double number (precision 53)", HclValue.Number(Math.Sqrt(2)));
        yield return ("double 0.1", HclValue.Number(0.1));
        yield return ("tiny number", HclValue.ParseNumber("1e-400").Value!);
        yield return ("huge number", HclValue.Number(System.Numerics.BigInteger.Pow(3, 700)));
        yield return ("infinity", HclValue.Number(HclNumber.PositiveInfinity));
        yield return ("negative infinity", HclValue.Number(HclNumber.NegativeInfinity));
        yield return ("dynamic null", HclValue.Null);
        yield return ("DynamicVal", HclValue.DynamicVal);
        HclType[] types =
        [
            HclType.String, HclType.Number, HclType.Bool, HclType.List(HclType.String), HclType.Set(HclType.Number),
            HclType.Map(HclType.Bool), HclType.Object(("a", HclType.String), ("b", HclType.List(HclType.Dynamic))),
            HclType.Tuple(HclType.String, HclType.Dynamic), HclType.EmptyObject, HclType.EmptyTuple,
        ];
        foreach (var t in types)
        {
            yield return ("null " + t, HclValue.NullOf(t));
            yield return ("unknown " + t, HclValue.UnknownOf(t));
        }
        yield return ("empty list", HclValue.ListOf(HclType.String));
        yield return ("empty set", HclValue.SetOf(HclType.Object(("x", HclType.Number))));
        yield return ("empty map", HclValue.MapOf(HclType.List(HclType.String)));
        yield return ("list of dynamic", HclValue.ListOf(HclType.Dynamic, [HclValue.DynamicVal, HclValue.Null]));
        yield return ("set with unknowns", HclValue.Set(S("b"), S("a"), HclValue.UnknownOf(HclType.String), HclValue.UnknownOf(HclType.String)));
        yield return ("set of objects", HclValue.Set(
            HclValue.Object(("port", N(443)), ("cidr", HclValue.UnknownOf(HclType.String))),
            HclValue.Object(("port", N(80)), ("cidr", S("10.0.0.0/8")))));
        yield return ("tuple", HclValue.Tuple(S("a"), N(1), HclValue.DynamicVal, HclValue.NullOf(HclType.Bool), HclValue.EmptyTuple));
        yield return ("nested", Nested());
        yield return ("sensitive top", S(Secret).Mark(HclMarks.Sensitive));
        yield return ("sensitive unknown", HclValue.UnknownOf(HclType.String).Mark(HclMarks.Sensitive));
        yield return ("sensitive null", HclValue.NullOf(HclType.Number).Mark(HclMarks.Sensitive));
        yield return ("two marks", S("x").WithMarks(HclMarks.Of(HclMarks.Sensitive, HclMarks.Ephemeral)));
        yield return ("marked set (element marks hoisted)", HclValue.Set(S("a"), S(Secret).Mark(HclMarks.Sensitive)));
        yield return ("sensitive nested", SensitiveNested());
    }

    public static HclValue Nested() => HclValue.Object(
        ("id", HclValue.UnknownOf(HclType.String)),
        ("name", S("web")),
        ("tags", HclValue.Map([new("env", S("prod")), new("team", S("core"))])),
        ("disks", HclValue.List(
            HclValue.Object(("size", N(10)), ("kind", S("ssd")), ("labels", HclValue.MapOf(HclType.String))),
            HclValue.Object(("size", HclValue.UnknownOf(HclType.Number)), ("kind", S("hdd")), ("labels", HclValue.Map([new("a", S("b"))]))))),
        ("matrix", HclValue.List(HclValue.List(N(1), N(2)), HclValue.ListOf(HclType.Number))),
        ("maybe", HclValue.NullOf(HclType.Map(HclType.String))),
        ("anything", HclValue.DynamicVal));

    public static HclValue SensitiveNested() => HclValue.Object(
        ("user", S("admin")),
        ("password", S(Secret).Mark(HclMarks.Sensitive)),
        ("settings", HclValue.Map([new("token", S(Secret + "-token").Mark(HclMarks.Sensitive)), new("region", S("eu"))])),
        ("keys", HclValue.List(S("pub"), S(Secret + "-key").Mark(HclMarks.Sensitive))),
        ("whole", HclValue.Object(("a", N(1))).Mark(HclMarks.Sensitive)));

    public static HclValue Machine(string id, string size, long cpus) => HclValue.Object(
        ("id", id.Length == 0 ? HclValue.UnknownOf(HclType.String) : S(id)),
        ("size", S(size)),
        ("cpus", N(cpus)),
        ("tags", HclValue.Map([new("env", S("prod"))])));

    /// <summary>A plan touching every feature the plan file stores.</summary>
    public static Plan FullPlan()
    {
        var create = new ResourceInstanceChange(
            Addr("sim_machine.web[0]"), "sim", ChangeAction.Create, HclValue.NullOf(Machine("", "s", 1).Type), Machine("", "small", 2),
            [], ActionReason.None, [Res("sim_network.main")])
        { PlannedPrivate = [0, 1, 2, 255] };
        var update = new ResourceInstanceChange(
            Addr("module.net[\"eu\"].sim_network.main"), "sim.east", ChangeAction.Update,
            HclValue.Object(("id", S("n-1")), ("cidr", S("10.0.0.0/16")), ("secret", S(Secret).Mark(HclMarks.Sensitive))),
            HclValue.Object(("id", S("n-1")), ("cidr", S("10.1.0.0/16")), ("secret", S(Secret + "2").Mark(HclMarks.Sensitive))),
            [], ActionReason.None, []);
        var replace = new ResourceInstanceChange(
            Addr("sim_machine.db"), "sim", ChangeAction.DeleteThenCreate, Machine("m-1", "small", 2), Machine("", "large", 2),
            [AttributePath.Attr("size"), AttributePath.Attr("tags").ThenKey("env"), AttributePath.Attr("disks").ThenIndex(0).ThenAttr("size")],
            ActionReason.ReplaceBecauseCannotUpdate, [Res("sim_network.main"), Res("module.net[\"eu\"].sim_network.main")]);
        var delete = new ResourceInstanceChange(
            Addr("sim_machine.old[\"x\"]"), "sim", ChangeAction.Delete, Machine("m-9", "tiny", 1), HclValue.NullOf(Machine("m", "s", 1).Type),
            [], ActionReason.DeleteBecauseEachKey, [])
        { Deposed = "00000001" };
        var read = new ResourceInstanceChange(
            Addr("data.sim_image.base"), "sim", ChangeAction.Read, HclValue.Null, HclValue.Object(("id", HclValue.UnknownOf(HclType.String))),
            [], ActionReason.ReadBecauseConfigUnknown, []);
        var noop = new ResourceInstanceChange(
            Addr("sim_network.main"), "sim", ChangeAction.NoOp, HclValue.Object(("id", S("n-0"))), HclValue.Object(("id", S("n-0"))), [], ActionReason.None, []);
        var drift = new ResourceInstanceChange(
            Addr("sim_network.main"), "sim", ChangeAction.Update, HclValue.Object(("id", S("n-0")), ("mtu", N(1500))),
            HclValue.Object(("id", S("n-0")), ("mtu", N(9000))), [], ActionReason.None, []);
        var warnings = new DiagnosticList();
        warnings.Warning("Deprecated attribute", "The attribute \"x\" is deprecated.");
        return new Plan(
            PlanMode.Normal,
            "0b7c4e1a-6c2f-4e3a-9c9e-1f0a2b3c4d5e",
            7,
            [read, noop, create, update, replace, delete],
            [drift],
            [
                new OutputChange("ip", ChangeAction.Create, HclValue.Null, HclValue.UnknownOf(HclType.String), false),
                new OutputChange("password", ChangeAction.Update, S("old"), S(Secret), true),
            ],
            new Dictionary<string, HclValue>
            {
                ["region"] = S("eu-west-1"),
                ["db_password"] = S(Secret).Mark(HclMarks.Sensitive),
                ["sizes"] = HclValue.Map([new("web", N(2)), new("db", HclValue.Number(0.5))]),
            },
            new PlanOptions(PlanMode.Normal, Refresh: false,
                Targets: [AddressParser.Parse("module.net").Address!, AddressParser.Parse("sim_machine.web").Address!, AddressParser.Parse("sim_machine.db").Address!],
                Replace: [Addr("sim_machine.db")]),
            warnings);
    }
}
