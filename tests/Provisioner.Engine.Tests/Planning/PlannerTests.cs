using Provisioner.Engine.Addresses;
using Provisioner.Engine.Planning;
using Provisioner.Engine.Tests.Support;
using Provisioner.Hcl.Values;
using Provisioner.State;

namespace Provisioner.Engine.Tests.Planning;

public sealed class PlannerTests
{
    private static string Actions(Plan plan) =>
        string.Join(" ", plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action.Symbol()}{c.Address}"));

    [Fact]
    public async Task CreatesThenNothingToDo()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            resource "fake_thing" "b" {
              count = 2
              name  = "b${count.index}"
              ref   = fake_thing.a.id
            }
            output "ids" {
              value = fake_thing.b[*].id
            }
            """);
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal("+fake_thing.a +fake_thing.b[0] +fake_thing.b[1]", Actions(p.Plan!));
        var b0 = p.Plan!.Changes.Single(c => c.Address.ToString() == "fake_thing.b[0]");
        Assert.False(b0.After.GetAttribute("ref").IsKnown);
        Assert.Equal(["fake_thing.a"], b0.Dependencies.Select(d => d.ToString()));

        var applied = await h.ApplyAsync(p);
        Assert.True(applied.Succeeded, applied.Diagnostics.ToString());
        Assert.Equal(3, applied.Added);
        var calls = h.Cloud.Calls.ToList();
        Assert.Equal("a", calls[0].Name);
        var aId = h.Cloud.Objects.Values.Single(v => v.GetAttribute("name").AsString() == "a").GetAttribute("id").AsString();
        Assert.All(h.Cloud.Objects.Values.Where(v => v.GetAttribute("name").AsString() != "a"), v => Assert.Equal(aId, v.GetAttribute("ref").AsString()));
        Assert.Equal(3, h.State!.InstanceCount);
        Assert.True(h.State.Outputs.ContainsKey("ids"));

        var again = await h.PlanAsync();
        Assert.False(again.Plan!.HasChanges, Actions(again.Plan!));
        Assert.Equal(1, h.Cloud.ReadBatches > 0 ? 1 : 0);
    }

    [Fact]
    public async Task UpdatesInPlaceReplacesOnForceNewAndDeletesRemovedCountIndexes()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "x" {
              count = 3
              name  = "x${count.index}"
              zone  = "a"
            }
            """);
        await h.PlanAndApplyAsync();
        h.Write("main.hcl", """
            resource "fake_thing" "x" {
              count = 2
              name  = "x${count.index}"
              zone  = count.index == 0 ? "a" : "b"
              size  = "large"
            }
            """);
        var p = await h.PlanAsync();
        Assert.Equal("~fake_thing.x[0] -/+fake_thing.x[1] -fake_thing.x[2]", Actions(p.Plan!));
        var x1 = p.Plan!.Changes.Single(c => c.Address.ToString() == "fake_thing.x[1]");
        Assert.Equal(ActionReason.ReplaceBecauseCannotUpdate, x1.Reason);
        Assert.Equal("zone", Assert.Single(x1.ReplacePaths).ToString().Trim('.'));
        Assert.Equal(ActionReason.DeleteBecauseCountIndex, p.Plan.Changes.Single(c => c.Address.ToString() == "fake_thing.x[2]").Reason);
        var outcome = await h.ApplyAsync(p);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal((1, 1, 2), (outcome.Added, outcome.Changed, outcome.Destroyed));
        Assert.Equal(2, h.Cloud.Objects.Count);
        Assert.False((await h.PlanAsync()).Plan!.HasChanges);
    }

    [Fact]
    public async Task ForEachModulesAndOutputs()
    {
        using var h = new EngineHarness();
        h.Write("modules/pool/main.hcl", """
            variable "prefix" {
              type = string
            }
            variable "n" {
              type    = number
              default = 1
            }
            resource "fake_thing" "node" {
              count = var.n
              name  = "${var.prefix}-${count.index}"
            }
            output "names" {
              value = fake_thing.node[*].name
            }
            """);
        h.Write("main.hcl", """
            locals {
              pools = { web = 2, db = 1 }
            }
            module "pool" {
              source   = "./modules/pool"
              for_each = local.pools
              prefix   = each.key
              n        = each.value
            }
            output "all" {
              value = { for k, m in module.pool : k => m.names }
            }
            """);
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal("+module.pool[\"db\"].fake_thing.node[0] +module.pool[\"web\"].fake_thing.node[0] +module.pool[\"web\"].fake_thing.node[1]", Actions(p.Plan!));
        var all = p.Plan!.OutputChanges.Single(o => o.Name == "all").After;
        Assert.Equal("web-1", all.GetAttribute("web").Elements[1].AsString());
        await h.ApplyAsync(p);
        Assert.Equal(3, h.Cloud.Objects.Count);
        Assert.Contains("module.pool[\"web\"].fake_thing.node", h.State!.Resources.Select(r => r.Address));
    }

    [Fact]
    public async Task FailureStopsDependantsOnlyAndIsReported()
    {
        using var h = new EngineHarness();
        h.Cloud.FailNames.Add("bad");
        h.Write("main.hcl", """
            resource "fake_thing" "bad" {
              name = "bad"
            }
            resource "fake_thing" "after_bad" {
              name = "after"
              ref  = fake_thing.bad.id
            }
            resource "fake_thing" "independent" {
              name = "independent"
            }
            """);
        var outcome = await h.PlanAndApplyAsync();
        Assert.False(outcome.Succeeded);
        Assert.Equal(1, outcome.Added);
        Assert.Equal(1, outcome.Failed);
        Assert.DoesNotContain(h.Cloud.Calls, c => c.Name == "after");
        Assert.Contains(h.Cloud.Calls, c => c.Name == "independent");
        Assert.Contains(outcome.Diagnostics, d => d.Summary == "Simulated failure");
    }

    [Fact]
    public async Task DestroyRunsInReverseDependencyOrder()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "base" {
              name = "base"
            }
            resource "fake_thing" "top" {
              name = "top"
              ref  = fake_thing.base.id
            }
            """);
        await h.PlanAndApplyAsync();
        while (h.Cloud.Calls.TryDequeue(out _))
        {
        }
        var p = await h.PlanAsync(new PlanOptions(PlanMode.Destroy));
        Assert.Equal("-fake_thing.base -fake_thing.top", Actions(p.Plan!));
        var outcome = await h.ApplyAsync(p);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal(["top", "base"], h.Cloud.Calls.Select(c => c.Name));
        Assert.Empty(h.Cloud.Objects);
        Assert.Equal(0, h.State!.InstanceCount);
    }

    [Fact]
    public async Task PreventDestroyIsAnErrorNamingTheResource()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "keep" {
              name = "keep"
              zone = "a"
              lifecycle {
                prevent_destroy = true
              }
            }
            """);
        await h.PlanAndApplyAsync();
        h.Write("main.hcl", h.Directory.Length > 0 ? """
            resource "fake_thing" "keep" {
              name = "keep"
              zone = "b"
              lifecycle {
                prevent_destroy = true
              }
            }
            """ : "");
        var p = await h.PlanAsync();
        Assert.Null(p.Plan);
        var d = Assert.Single(p.Diagnostics, d => d.IsError);
        Assert.Contains("fake_thing.keep", d.Detail);
        Assert.NotNull(d.Subject);
    }

    [Fact]
    public async Task DriftIsReportedAndDeletedObjectsAreCreatedAgain()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            resource "fake_thing" "b" {
              name = "b"
            }
            """);
        await h.PlanAndApplyAsync();
        var a = h.Cloud.Objects.Single(kv => kv.Value.GetAttribute("name").AsString() == "a");
        h.Cloud.Objects.TryRemove(a.Key, out _);
        var b = h.Cloud.Objects.Single(kv => kv.Value.GetAttribute("name").AsString() == "b");
        h.Cloud.Objects[b.Key] = HclValue.Object(b.Value.Attributes.Select(kv => kv.Key == "size" ? new KeyValuePair<string, HclValue>("size", HclValue.String("huge")) : kv));
        var p = await h.PlanAsync();
        Assert.Equal("-fake_thing.a ~fake_thing.b", string.Join(" ", p.Plan!.Drift.Select(d => d.Action.Symbol() + d.Address)));
        Assert.Equal("+fake_thing.a ~fake_thing.b", Actions(p.Plan));

        var noRefresh = await h.PlanAsync(new PlanOptions(Refresh: false));
        Assert.False(noRefresh.Plan!.HasChanges);
        Assert.Empty(noRefresh.Plan.Drift);
    }

    [Fact]
    public async Task RefreshOnlyRecordsDriftWithoutChangingAnything()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            """);
        await h.PlanAndApplyAsync();
        h.Cloud.Objects.Clear();
        var p = await h.PlanAsync(new PlanOptions(PlanMode.RefreshOnly));
        Assert.Single(p.Plan!.Drift);
        Assert.Equal("", Actions(p.Plan));
        await h.ApplyAsync(p);
        Assert.Equal(0, h.State!.InstanceCount);
        Assert.DoesNotContain(h.Cloud.Calls, c => c.Op != "create");
    }

    [Fact]
    public async Task TargetLimitsThePlanToTheTargetAndItsDependencies()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "net" {
              name = "net"
            }
            resource "fake_thing" "vm" {
              name = "vm"
              ref  = fake_thing.net.id
            }
            resource "fake_thing" "other" {
              name = "other"
            }
            """);
        var target = AddressParser.Parse("fake_thing.vm").Address!;
        var p = await h.PlanAsync(new PlanOptions(Targets: [target]));
        Assert.Equal("+fake_thing.net +fake_thing.vm", Actions(p.Plan!));
        Assert.Contains(p.Diagnostics, d => d.Summary == "Resource targeting is in effect");
    }

    [Fact]
    public async Task ReplaceRequestAndTaintReplace()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            """);
        await h.PlanAndApplyAsync();
        var addr = AddressParser.ParseInstance("fake_thing.a").Address!;
        var p = await h.PlanAsync(new PlanOptions(Replace: [addr]));
        var c = Assert.Single(p.Plan!.Changes);
        Assert.Equal((ChangeAction.DeleteThenCreate, ActionReason.ReplaceByRequest), (c.Action, c.Reason));
        h.State!.Resources[0].Instances[0].Status = InstanceStatus.Tainted;
        p = await h.PlanAsync();
        c = Assert.Single(p.Plan!.Changes);
        Assert.Equal((ChangeAction.DeleteThenCreate, ActionReason.ReplaceBecauseTainted), (c.Action, c.Reason));
    }

    [Fact]
    public async Task CreateBeforeDestroyCreatesTheNewObjectFirst()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
              zone = "one"
              lifecycle {
                create_before_destroy = true
              }
            }
            """);
        await h.PlanAndApplyAsync();
        while (h.Cloud.Calls.TryDequeue(out _))
        {
        }
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
              zone = "two"
              lifecycle {
                create_before_destroy = true
              }
            }
            """);
        var p = await h.PlanAsync();
        Assert.Equal(ChangeAction.CreateThenDelete, Assert.Single(p.Plan!.Changes).Action);
        var outcome = await h.ApplyAsync(p);
        Assert.True(outcome.Succeeded, outcome.Diagnostics.ToString());
        Assert.Equal(["create", "delete"], h.Cloud.Calls.Select(c => c.Op));
        Assert.Single(h.Cloud.Objects);
        Assert.Equal(1, h.State!.InstanceCount);
        Assert.Null(h.State.Resources[0].Instances[0].Deposed);
    }

    [Fact]
    public async Task MovedBlockKeepsTheObject()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "old" {
              name = "a"
            }
            """);
        await h.PlanAndApplyAsync();
        h.Write("main.hcl", """
            resource "fake_thing" "new" {
              name = "a"
            }
            moved {
              from = fake_thing.old
              to   = fake_thing.new
            }
            """);
        var p = await h.PlanAsync();
        Assert.False(p.Diagnostics.HasErrors, p.Diagnostics.ToString());
        Assert.Equal("", Actions(p.Plan!));
        await h.ApplyAsync(p);
        Assert.Equal("fake_thing.new", Assert.Single(h.State!.Resources).Address);
    }

    [Fact]
    public async Task SensitiveValuesAreMarkedAndRecordedAsPaths()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            variable "token" {
              type      = string
              default   = "s3cret"
              sensitive = true
            }
            resource "fake_thing" "a" {
              name   = "a"
              secret = "x"
              ref    = var.token
            }
            """);
        var p = await h.PlanAsync();
        var after = Assert.Single(p.Plan!.Changes).After;
        Assert.True(after.GetAttribute("secret").IsSensitive);
        Assert.True(after.GetAttribute("ref").IsSensitive);
        Assert.False(after.GetAttribute("name").IsSensitive);
        await h.ApplyAsync(p);
        Assert.Equal(2, h.State!.Resources[0].Instances[0].SensitivePaths.Count);
    }

    [Fact]
    public async Task DataSourcesAreReadDuringPlanWhenTheirConfigurationIsKnown()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            data "fake_lookup" "img" {
              name = "base"
            }
            resource "fake_thing" "a" {
              name = data.fake_lookup.img.id
            }
            """);
        var p = await h.PlanAsync();
        Assert.Equal("lookup-base", Assert.Single(p.Plan!.Changes).After.GetAttribute("name").AsString());
        await h.ApplyAsync(p);
        Assert.Contains("data.fake_lookup.img", h.State!.Resources.Select(r => r.Address));
    }

    [Fact]
    public async Task UnknownCountIsAnErrorWithTheRange()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            resource "fake_thing" "b" {
              count = length(fake_thing.a.id)
              name  = "b"
            }
            """);
        var p = await h.PlanAsync();
        var d = Assert.Single(p.Diagnostics, d => d.IsError);
        Assert.Equal("Invalid count argument", d.Summary);
        Assert.Equal(5, d.Subject!.Value.Start.Line);
    }

    [Fact]
    public async Task IdempotencyTokensAreStablePerGenerationAndDifferAcrossRecreation()
    {
        var t1 = Provisioner.Engine.Execution.Executor.IdempotencyToken("L", "fake_thing.a", null, Sdk.Protocol.ChangeKind.Create, 1);
        var t2 = Provisioner.Engine.Execution.Executor.IdempotencyToken("L", "fake_thing.a", null, Sdk.Protocol.ChangeKind.Create, 1);
        var t3 = Provisioner.Engine.Execution.Executor.IdempotencyToken("L", "fake_thing.a", null, Sdk.Protocol.ChangeKind.Create, 2);
        Assert.Equal(t1, t2);
        Assert.NotEqual(t1, t3);

        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            """);
        await h.PlanAndApplyAsync();
        await h.PlanAndApplyAsync(new PlanOptions(PlanMode.Destroy));
        await h.PlanAndApplyAsync();
        var creates = h.Cloud.Calls.Where(c => c.Op == "create").Select(c => c.Token).ToList();
        Assert.Equal(2, creates.Count);
        Assert.NotEqual(creates[0], creates[1]);
        Assert.Single(h.Cloud.Objects);
    }

    [Fact]
    public async Task DestroyStillReportsErrorsInTheConfiguration()
    {
        using var h = new EngineHarness();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            resource "fake_thing" "b" {
              name = "b"
              ref  = fake_thing.a.id
            }
            """);
        await h.PlanAndApplyAsync();
        h.Write("main.hcl", """
            resource "fake_thing" "a" {
              name = "a"
            }
            resource "fake_thing" "b" {
              name = "b"
              ref  = fake_thing.a.idd
            }
            """);
        var p = await h.PlanAsync(new PlanOptions(PlanMode.Destroy));
        Assert.Null(p.Plan);
        var d = Assert.Single(p.Diagnostics, d => d.IsError);
        Assert.Equal("Unsupported attribute", d.Summary);
        Assert.Equal(6, d.Subject!.Value.Start.Line);
    }
}
