using Provisioner.Engine.Addresses;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Tests.Planning;

public sealed class PlanSummaryTests
{
    private static ResourceInstanceChange Change(ChangeAction action, int i) =>
        new(new ResourceAddress(ModuleInstance.Root, ResourceMode.Managed, "sim_machine", "m").Instance(InstanceKey.Int(i)),
            "sim", action, HclValue.Null, HclValue.Null, [], ActionReason.None, []);

    [Fact]
    public void Of_MixedActions_CountsReplaceAsAddAndDestroy()
    {
        var s = PlanSummary.Of([
            Change(ChangeAction.Create, 0), Change(ChangeAction.Update, 1), Change(ChangeAction.DeleteThenCreate, 2),
            Change(ChangeAction.Delete, 3), Change(ChangeAction.NoOp, 4), Change(ChangeAction.Read, 5),
        ]);
        Assert.Equal("Plan: 2 to add, 1 to change, 2 to destroy.", s.ToString());
        Assert.False(s.IsEmpty);
    }

    [Theory]
    [InlineData(ChangeAction.Create, "+", "create")]
    [InlineData(ChangeAction.Update, "~", "update")]
    [InlineData(ChangeAction.Delete, "-", "delete")]
    [InlineData(ChangeAction.DeleteThenCreate, "-/+", "delete,create")]
    [InlineData(ChangeAction.CreateThenDelete, "+/-", "create,delete")]
    [InlineData(ChangeAction.Read, "<=", "read")]
    [InlineData(ChangeAction.NoOp, " ", "no-op")]
    public void Symbols_AndJsonActions_MatchTerraform(ChangeAction action, string symbol, string json)
    {
        Assert.Equal(symbol, action.Symbol());
        Assert.Equal(json, string.Join(",", action.JsonActions()));
    }

    [Fact]
    public void JsonName_Reason_IsSnakeCase()
    {
        Assert.Equal("replace_because_cannot_update", ActionReason.ReplaceBecauseCannotUpdate.JsonName());
        Assert.Equal("delete_because_no_resource_config", ActionReason.DeleteBecauseNoResourceConfig.JsonName());
        Assert.Equal("", ActionReason.None.JsonName());
    }
}
