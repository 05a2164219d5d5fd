using System.Text.Json;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using static Provisioner.Engine.Tests.Planning.PlanFileFixtures;

namespace Provisioner.Engine.Tests.Planning;

public sealed class PlanJsonTests
{
    private static JsonElement Json(Plan plan) => JsonDocument.Parse(PlanJson.Serialize(plan, "0.1.0")).RootElement;

    private static JsonElement Change(JsonElement root, string address) =>
        root.GetProperty("resource_changes").EnumerateArray().Single(c => c.GetProperty("address").GetString() == address);

    private static Plan OneChange(ResourceInstanceChange change) =>
        FullPlan() with { Changes = [change], Drift = [], OutputChanges = [], Variables = new Dictionary<string, HclValue>() };

    [Fact]
    public void Serialize_NeverPrintsASensitiveValue()
    {
        var text = PlanJson.Serialize(FullPlan(), "0.1.0", indented: true);
        Assert.DoesNotContain(Secret, text);
        var root = JsonDocument.Parse(text).RootElement;
        var v = root.GetProperty("variables").GetProperty("db_password");
        Assert.Equal(JsonValueKind.Null, v.GetProperty("value").ValueKind);
        Assert.True(v.GetProperty("sensitive").GetBoolean());
        Assert.Equal("eu-west-1", root.GetProperty("variables").GetProperty("region").GetProperty("value").GetString());
        var change = Change(root, "module.net[\"eu\"].sim_network.main").GetProperty("change");
        Assert.Equal(JsonValueKind.Null, change.GetProperty("after").GetProperty("secret").ValueKind);
        Assert.True(change.GetProperty("after_sensitive").GetProperty("secret").GetBoolean());
        Assert.True(change.GetProperty("before_sensitive").GetProperty("secret").GetBoolean());
        Assert.False(change.GetProperty("after_sensitive").TryGetProperty("cidr", out _));
        var output = root.GetProperty("output_changes").GetProperty("password");
        Assert.Equal(JsonValueKind.Null, output.GetProperty("after").ValueKind);
        Assert.True(output.GetProperty("after_sensitive").GetBoolean());
    }

    [Fact]
    public void Serialize_NestedSensitiveValues_AreNullWithTrueMasksAtTheirPaths()
    {
        var c = new ResourceInstanceChange(Addr("sim_secret.s"), "sim", ChangeAction.Create, HclValue.NullOf(SensitiveNested().Type),
            SensitiveNested(), [], ActionReason.None, []);
        var json = PlanJson.Serialize(OneChange(c), "0.1.0");
        Assert.DoesNotContain(Secret, json);
        Assert.Contains(
            "\"after\":{\"keys\":[\"pub\",null],\"password\":null,\"settings\":{\"region\":\"eu\",\"token\":null},\"user\":\"admin\",\"whole\":null}," +
            "\"after_unknown\":{\"keys\":[false,false],\"settings\":{},\"whole\":{}}," +
            "\"before_sensitive\":false," +
            "\"after_sensitive\":{\"keys\":[false,true],\"password\":true,\"settings\":{\"token\":true},\"whole\":true}",
            json);
    }

    [Fact]
    public void Serialize_Unknowns_AreLeftOutOfAfter_AndTrueInAfterUnknown()
    {
        var c = new ResourceInstanceChange(Addr("sim_machine.web[0]"), "sim", ChangeAction.Create, HclValue.NullOf(Nested().Type),
            Nested(), [], ActionReason.None, []);
        var json = PlanJson.Serialize(OneChange(c), "0.1.0");
        Assert.Contains(
            "\"after\":{\"disks\":[{\"kind\":\"ssd\",\"labels\":{},\"size\":10},{\"kind\":\"hdd\",\"labels\":{\"a\":\"b\"}}]," +
            "\"matrix\":[[1,2],[]],\"maybe\":null,\"name\":\"web\",\"tags\":{\"env\":\"prod\",\"team\":\"core\"}}," +
            "\"after_unknown\":{\"anything\":true,\"disks\":[{\"labels\":{}},{\"labels\":{},\"size\":true}],\"id\":true,\"matrix\":[[false,false],[]],\"tags\":{}}",
            json);
    }

    [Fact]
    public void Serialize_ResourceChange_HasTerraformsFieldsInTerraformsOrder()
    {
        var root = Json(FullPlan());
        var replace = Change(root, "sim_machine.db");
        Assert.Equal(
            ["address", "mode", "type", "name", "provider_name", "change", "action_reason"],
            replace.EnumerateObject().Select(p => p.Name));
        Assert.Equal("replace_because_cannot_update", replace.GetProperty("action_reason").GetString());
        Assert.Equal(["delete", "create"], replace.GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("[[\"size\"],[\"tags\",\"env\"],[\"disks\",0,\"size\"]]", replace.GetProperty("change").GetProperty("replace_paths").GetRawText());
        Assert.Equal(
            ["actions", "before", "after", "after_unknown", "before_sensitive", "after_sensitive", "replace_paths"],
            replace.GetProperty("change").EnumerateObject().Select(p => p.Name));

        var web = Change(root, "sim_machine.web[0]");
        Assert.Equal(0, web.GetProperty("index").GetInt32());
        Assert.Equal("managed", web.GetProperty("mode").GetString());
        var old = Change(root, "sim_machine.old[\"x\"]");
        Assert.Equal("x", old.GetProperty("index").GetString());
        Assert.Equal("00000001", old.GetProperty("deposed").GetString());
        Assert.Equal("delete_because_each_key", old.GetProperty("action_reason").GetString());
        var net = Change(root, "module.net[\"eu\"].sim_network.main");
        Assert.Equal("module.net[\"eu\"]", net.GetProperty("module_address").GetString());
        Assert.Equal("sim.east", net.GetProperty("provider_name").GetString());
        var data = Change(root, "data.sim_image.base");
        Assert.Equal("data", data.GetProperty("mode").GetString());
        Assert.Equal("read_because_config_unknown", data.GetProperty("action_reason").GetString());
        Assert.Equal("no-op", Change(root, "sim_network.main").GetProperty("change").GetProperty("actions")[0].GetString());
    }

    [Fact]
    public void Serialize_TopLevel_HasDriftOutputsPriorStateAndFlags()
    {
        var root = Json(FullPlan());
        Assert.Equal(
            ["format_version", "provisioner_version", "variables", "planned_values", "resource_drift", "resource_changes", "output_changes", "prior_state", "applyable", "complete", "errored"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.2", root.GetProperty("format_version").GetString());
        var drift = root.GetProperty("resource_drift").EnumerateArray().Single();
        Assert.Equal("sim_network.main", drift.GetProperty("address").GetString());
        Assert.Equal(9000, drift.GetProperty("change").GetProperty("after").GetProperty("mtu").GetInt32());
        Assert.Equal(["ip", "password"], root.GetProperty("output_changes").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("output_changes").GetProperty("ip").GetProperty("after_unknown").GetBoolean());
        Assert.Equal("0b7c4e1a-6c2f-4e3a-9c9e-1f0a2b3c4d5e", root.GetProperty("prior_state").GetProperty("lineage").GetString());
        Assert.Equal(7, root.GetProperty("prior_state").GetProperty("serial").GetInt64());
        Assert.True(root.GetProperty("applyable").GetBoolean());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.False(root.GetProperty("errored").GetBoolean());
    }

    [Fact]
    public void Serialize_ErroredOrEmptyPlan_IsNotApplyable()
    {
        var errors = new DiagnosticList();
        errors.Error("Boom");
        var errored = Json(FullPlan() with { Diagnostics = errors });
        Assert.False(errored.GetProperty("applyable").GetBoolean());
        Assert.True(errored.GetProperty("errored").GetBoolean());
        var empty = Json(FullPlan() with { Changes = [], Drift = [], OutputChanges = [] });
        Assert.False(empty.GetProperty("applyable").GetBoolean());
        Assert.Empty(empty.GetProperty("resource_changes").EnumerateArray());
    }

    [Fact]
    public void Serialize_IsDeterministic_AndKeepsUnicodeReadable()
    {
        var c = new ResourceInstanceChange(Addr("sim_machine.web[0]"), "sim", ChangeAction.Create, HclValue.Null,
            HclValue.Object(("name", S("héllo"))), [], ActionReason.None, []);
        var a = PlanJson.Serialize(OneChange(c), "0.1.0");
        Assert.Equal(a, PlanJson.Serialize(OneChange(c), "0.1.0"));
        Assert.Contains("\"héllo\"", a);
    }

    [Fact]
    public void Serialize_Delete_HasNullAfterAndFalseMasks()
    {
        var c = new ResourceInstanceChange(Addr("sim_machine.old"), "sim", ChangeAction.Delete, Machine("m-1", "s", 1),
            HclValue.NullOf(Machine("m", "s", 1).Type), [], ActionReason.DeleteBecauseNoResourceConfig, []);
        var json = PlanJson.Serialize(OneChange(c), "0.1.0");
        Assert.Contains(
            "\"change\":{\"actions\":[\"delete\"],\"before\":{\"cpus\":1,\"id\":\"m-1\",\"size\":\"s\",\"tags\":{\"env\":\"prod\"}},\"after\":null," +
            "\"after_unknown\":false,\"before_sensitive\":{\"tags\":{}},\"after_sensitive\":false},\"action_reason\":\"delete_because_no_resource_config\"",
            json);
    }

    [Fact]
    public void Serialize_PlannedValues_NestModulesAndLeaveOutDeletes()
    {
        var root = Json(FullPlan()).GetProperty("planned_values");
        Assert.Equal("{\"ip\":{\"sensitive\":false},\"password\":{\"sensitive\":true}}", root.GetProperty("outputs").GetRawText());
        var partly = Json(FullPlan() with
        {
            OutputChanges = [new OutputChange("ips", ChangeAction.Create, HclValue.Null, HclValue.Tuple(S("10.0.0.1"), HclValue.UnknownOf(HclType.String)), false)],
        }).GetProperty("planned_values").GetProperty("outputs");
        Assert.Equal("{\"ips\":{\"sensitive\":false}}", partly.GetRawText());
        var module = root.GetProperty("root_module");
        Assert.Equal(
            ["data.sim_image.base", "sim_machine.db", "sim_machine.web[0]", "sim_network.main"],
            module.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("address").GetString()));
        var child = module.GetProperty("child_modules").EnumerateArray().Single();
        Assert.Equal("module.net[\"eu\"]", child.GetProperty("address").GetString());
        var net = child.GetProperty("resources").EnumerateArray().Single();
        Assert.Equal("{\"cidr\":\"10.1.0.0/16\",\"id\":\"n-1\",\"secret\":null}", net.GetProperty("values").GetRawText());
        Assert.Equal("{\"secret\":true}", net.GetProperty("sensitive_values").GetRawText());
        var web = module.GetProperty("resources")[2];
        Assert.False(web.GetProperty("values").TryGetProperty("id", out _));
        Assert.Equal(0, web.GetProperty("index").GetInt32());
    }
}
