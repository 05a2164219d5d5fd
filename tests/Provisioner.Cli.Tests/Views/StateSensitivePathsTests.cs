using Provisioner.Cli.Views;

namespace Provisioner.Cli.Tests.Views;

public sealed class StateSensitivePathsTests
{
    [Fact]
    public void JsonStepPaths_AsTheEngineWritesThem_HideOnlyThatValue()
    {
        var paths = new StateSensitivePaths([
            """[{"type":"get_attr","value":"kubeconfig"}]""",
            """[{"type":"get_attr","value":"nodes"},{"type":"index","value":{"value":1,"type":"number"}},{"type":"get_attr","value":"key"}]""",
            """[{"type":"get_attr","value":"labels"},{"type":"index","value":{"value":"token","type":"string"}}]""",
        ]);

        Assert.False(paths.HidesEverything);
        Assert.True(paths.IsSensitive(["kubeconfig"]));
        Assert.False(paths.IsSensitive(["ca_certificate"]));
        Assert.True(paths.IsSensitive(["nodes", 1L, "key"]));
        Assert.False(paths.IsSensitive(["nodes", 0L, "key"]));
        Assert.True(paths.IsSensitive(["labels", "token"]));
        Assert.False(paths.IsSensitive(["labels", "team"]));
    }

    [Fact]
    public void TraversalPaths_AreStillRead_AndAnUnreadablePathHidesEverything()
    {
        var paths = new StateSensitivePaths(["password", "labels[\"token\"]"]);
        Assert.True(paths.IsSensitive(["password"]));
        Assert.True(paths.IsSensitive(["labels", "token"]));
        Assert.False(paths.IsSensitive(["name"]));

        Assert.True(new StateSensitivePaths(["[{\"type\":\"nonsense\"}]"]).HidesEverything);
    }
}
