using Provisioner.Engine.Planning;
using Provisioner.Engine.Tests.Support;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Tests.Planning;

/// <summary><c>import</c>, <c>removed</c> and <c>check</c> blocks.</summary>
public sealed class ConfigBlocksTests
{
    [Fact]
    public async Task ImportBlockAdoptsAnExistingObject()
    {
        using var h = new EngineHarness();
        h.Cloud.Objects["t-existing"] = HclValue.Object(
            ("name", HclValue.String("a")), ("size", HclValue.String("small")), ("zone", HclValue.NullOf(HclType.String)),
            ("ref", HclValue.NullOf(HclType.String)), ("secret", HclValue.NullOf(HclType.String)), ("id", HclValue.String("t-existing")));
        h.Write("main.hcl", """
            import {
              to = fake_thing.a
              id = "t-existing"
            }
            resource "fake_thing" "a" {
              name = "a"
              size = "large"
            }
            """);
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        var c = Assert.Single(p.Plan!.Changes);
        Assert.Equal((ChangeAction.Update, "t-existing"), (c.Action, c.ImportId));
        var outcome = await h.ApplyAsync(p);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Single(h.Cloud.Objects);
        Assert.Equal("large", h.Cloud.Objects["t-existing"].GetAttribute("size").AsString());
        Assert.DoesNotContain(h.Cloud.Calls, x => x.Op == "create");
        // Once imported, the block is a no-op.
        Assert.False((await h.PlanAsync()).Plan!.HasChanges);
    }

    [Fact]
    public async Task ImportOfAMissingObjectIsAnErrorAtTheBlock()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            import {
              to = fake_thing.a
              id = "nope"
            }
            resource "fake_thing" "a" {
              name = "a"
            }
            """);
        var p = await h.PlanAsync();
        Assert.Null(p.Plan);
        var d = Assert.Single(p.Diagnostics, d => d.IsError);
        Assert.Equal(1, d.Subject!.Value.Start.Line);
    }

    [Fact]
    public async Task RemovedWithoutDestroyForgetsTheObject()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            """);
        await h.PlanAndApplyAsync();
        h.Write("main.hcl", """
            removed {
              from = fake_thing.a
              lifecycle {
                destroy = false
              }
            }
            """);
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal(ChangeAction.Forget, Assert.Single(p.Plan!.Changes).Action);
        var outcome = await h.ApplyAsync(p);
        Assert.Equal(1, outcome.Forgotten);
        Assert.Equal(0, h.State!.InstanceCount);
        Assert.Single(h.Cloud.Objects);
        Assert.DoesNotContain(h.Cloud.Calls, x => x.Op == "delete");
    }

    [Fact]
    public async Task FailedCheckAssertionIsAWarning()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            check "names" {
              data "fake_lookup" "x" {
                name = "x"
              }
              assert {
                condition     = data.fake_lookup.x.id == "lookup-y"
                error_message = "lookup returned ${data.fake_lookup.x.id}"
              }
            }
            """);
        var p = await h.PlanAsync();
        Assert.NotNull(p.Plan);
        var w = Assert.Single(p.Diagnostics, d => d.Summary == "Check block assertion failed");
        Assert.False(w.IsError);
        Assert.Contains("lookup returned lookup-x", w.Detail);
    }
}
