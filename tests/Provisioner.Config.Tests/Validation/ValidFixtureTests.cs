namespace Provisioner.Config.Tests.Validation;

public sealed class ValidFixtureTests
{
    public static IEnumerable<object[]> Cases() => Fixtures.Names("valid");

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadsWithoutDiagnostics(string name)
    {
        var dir = Fixtures.Valid(name);
        var (root, diags) = new ConfigLoader(dir).LoadTree(dir);
        Assert.True(diags.Count == 0, diags.ToString());
        Assert.NotNull(root);
    }
}
