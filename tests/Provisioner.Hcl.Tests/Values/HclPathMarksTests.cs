using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Tests.Values.V;

namespace Provisioner.Hcl.Tests.Values;

public sealed class HclPathMarksTests
{
    [Fact]
    public void UnmarkDeepWithPaths_NestedMarks_ReportsEachPath()
    {
        // Given
        var v = O(("db", O(("password", S("p").Sens()), ("user", S("u")))), ("tags", M(("k", S("v").Sens()))), ("ids", L(N(1), N(2).Sens())));

        // When
        var (plain, marks) = v.UnmarkDeepWithPaths();

        // Then
        Assert.False(plain.ContainsMarks());
        Assert.Equal([".db.password", ".ids[1]", ".tags[\"k\"]"], marks.Select(m => HclPath.Format(m.Path)).Order(StringComparer.Ordinal));
        Assert.All(marks, m => Assert.True(m.Marks.Contains(HclMarks.Sensitive)));
    }

    [Fact]
    public void MarkWithPaths_RoundTrip_RestoresValue()
    {
        var v = O(("db", O(("password", S("p").Sens()))), ("list", L(S("a"), S("b").Mark("x"))), ("top", N(1))).Sens();
        var (plain, marks) = v.UnmarkDeepWithPaths();
        var back = plain.MarkWithPaths(marks);
        Assert.True(v.RawEquals(back));
    }

    [Fact]
    public void MarkWithPaths_MissingPath_IsIgnored()
    {
        var v = O(("a", N(1)));
        var r = v.MarkWithPaths([(HclPath.Attribute(null, "nope"), HclMarks.SensitiveOnly)]);
        Assert.True(v.RawEquals(r));
    }

    [Fact]
    public void PathJson_RoundTrips_InTerraformStateForm()
    {
        var p = HclPath.Index(HclPath.Key(HclPath.Attribute(null, "tags"), "a b"), 3);
        var json = HclJson.PathToJson(p);
        Assert.Equal("[{\"type\":\"get_attr\",\"value\":\"tags\"},{\"type\":\"index\",\"value\":{\"value\":\"a b\",\"type\":\"string\"}},{\"type\":\"index\",\"value\":{\"value\":3,\"type\":\"number\"}}]", json);
        Assert.True(HclJson.TryPathFromJson(json, out var back, out _));
        Assert.Equal(p, back);
        Assert.Equal(".tags[\"a b\"][3]", back!.ToString());
    }

    [Fact]
    public void Path_Steps_AreRootFirst()
    {
        var p = HclPath.Index(HclPath.Attribute(null, "a"), 2);
        Assert.Equal([new HclPathStep(HclPathStepKind.Attribute, "a", 0), new HclPathStep(HclPathStepKind.Index, null, 2)], p.Steps);
        Assert.Equal(p, HclPath.FromSteps(p.Steps));
    }
}
