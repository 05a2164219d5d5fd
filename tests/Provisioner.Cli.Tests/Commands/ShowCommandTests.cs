using System.Text.Json;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>End to end through <see cref="CommandLine"/>: <c>show</c> of a state and of a saved plan made with the sim provider.</summary>
public sealed class ShowCommandTests : IDisposable
{
    private readonly PlanApplyWorkspace _ws = PlanApplyWorkspace.Create();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task ShowJson_State_HasNoSecretValues()
    {
        // Given: a sensitive variable flows into a machine's labels and into a sensitive output
        await _ws.Ok("apply", "-auto-approve");
        Assert.Contains(PlanApplyWorkspace.Secret, await File.ReadAllTextAsync(Path.Combine(_ws.InventoryDir, "inventory.jsonl")));

        // When
        var r = await _ws.Ok("show", "-json");

        // Then
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        var values = doc.RootElement.GetProperty("values");
        var password = values.GetProperty("outputs").GetProperty("admin_password");
        Assert.True(password.GetProperty("sensitive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, password.GetProperty("value").ValueKind);
        var cp = values.GetProperty("root_module").GetProperty("resources").EnumerateArray()
            .Single(e => e.GetProperty("address").GetString() == "sim_machine.cp[\"a\"]");
        Assert.Equal("sim_machine", cp.GetProperty("type").GetString());
        Assert.Equal("managed", cp.GetProperty("mode").GetString());
        Assert.Equal("a", cp.GetProperty("index").GetString());
        Assert.Equal("dev-cp-a", cp.GetProperty("values").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, cp.GetProperty("values").GetProperty("labels").ValueKind);
        Assert.True(cp.GetProperty("sensitive_values").GetProperty("labels").GetBoolean());
        var worker = values.GetProperty("root_module").GetProperty("child_modules")[0];
        Assert.Equal("module.workers", worker.GetProperty("address").GetString());
        Assert.Equal(2, worker.GetProperty("resources").GetArrayLength());
    }

    [Fact]
    public async Task Show_State_Human_HidesSensitiveValues()
    {
        await _ws.Ok("apply", "-auto-approve");

        var r = await _ws.Ok("show", "-no-color");

        Assert.Contains("# sim_machine.cp[\"a\"]:", r.Out);
        Assert.Contains("# module.workers.sim_machine.worker[1]:", r.Out);
        Assert.Contains("(sensitive value)", r.Out);
        Assert.DoesNotContain(PlanApplyWorkspace.Secret, r.Out);
    }

    [Fact]
    public async Task ShowJson_PlanFile_HasThePlannedChanges()
    {
        await _ws.Ok("plan", "-out=cluster.plan");

        var r = await _ws.Ok("show", "-json", "cluster.plan");

        using var doc = JsonDocument.Parse(r.Out);
        var changes = doc.RootElement.GetProperty("resource_changes").EnumerateArray()
            .Where(c => c.GetProperty("mode").GetString() == "managed").ToList();
        Assert.Equal(5, changes.Count);
        Assert.All(changes, c => Assert.Equal(["create"], c.GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString())));
    }

    [Fact]
    public async Task Show_NoState_SaysSo()
    {
        var r = await _ws.Run("show");

        Assert.Equal(0, r.Code);
        Assert.Contains("No state.", r.Out);
    }
}
