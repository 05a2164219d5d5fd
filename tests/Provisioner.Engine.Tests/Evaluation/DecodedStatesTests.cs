using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.State;

namespace Provisioner.Engine.Tests.Evaluation;

public sealed class DecodedStatesTests
{
    private static readonly HclType Type = HclType.Object(("id", HclType.String), ("name", HclType.String));

    [Fact]
    public void TakeReturnsTheKeptDecodingOnceThenDecodesAgain()
    {
        var decoded = new DecodedStates();
        var inst = new InstanceState { AttributesJson = """{"id":"i-1","name":"a"}""" };
        var kept = decoded.DecodeAndKeep(inst, Type);
        Assert.Same(kept.Value, decoded.Take(inst, Type).Value);
        var again = decoded.Take(inst, Type);
        Assert.NotSame(kept.Value, again.Value);
        Assert.True(kept.Value!.RawEquals(again.Value!));
    }

    [Fact]
    public void TakeDecodesAgainWhenTheRecordedJsonOrTheTypeChanged()
    {
        var decoded = new DecodedStates();
        var inst = new InstanceState { AttributesJson = """{"id":"i-1","name":"a"}""" };
        decoded.DecodeAndKeep(inst, Type);
        inst.AttributesJson = """{"id":"i-1","name":"b"}""";
        Assert.Equal("b", decoded.Take(inst, Type).Value!.GetAttribute("name").AsString());

        decoded.DecodeAndKeep(inst, Type);
        var wider = HclType.Object(("id", HclType.String), ("name", HclType.String), ("zone", HclType.String));
        var v = decoded.Take(inst, wider).Value!;
        Assert.Equal(wider, v.Type);
        Assert.True(v.GetAttribute("zone").IsNull);
    }

    [Fact]
    public void SensitivePathsAreMarkedInKeptDecodings()
    {
        var decoded = new DecodedStates();
        var inst = new InstanceState { AttributesJson = """{"id":"i-1","name":"a"}""" };
        inst.SensitivePaths.Add(HclJson.PathToJson(HclPath.Attribute(null, "name")));
        decoded.DecodeAndKeep(inst, Type);
        Assert.True(decoded.Take(inst, Type).Value!.GetAttribute("name").IsSensitive);
    }
}
