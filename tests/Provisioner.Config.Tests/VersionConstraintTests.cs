namespace Provisioner.Config.Tests;

public sealed class VersionConstraintTests
{
    [Theory]
    [InlineData(">= 1.2", "1.2.0", true)]
    [InlineData(">= 1.2", "1.1.9", false)]
    [InlineData(">= 1.2, < 2.0", "1.9.9", true)]
    [InlineData(">= 1.2, < 2.0", "2.0.0", false)]
    [InlineData("~> 1.4", "1.9.0", true)]
    [InlineData("~> 1.4", "2.0.0", false)]
    [InlineData("~> 1.4.2", "1.4.9", true)]
    [InlineData("~> 1.4.2", "1.5.0", false)]
    [InlineData("~> 1.4.2", "1.4.1", false)]
    [InlineData("1.0.0", "1.0.0", true)]
    [InlineData("= 1.0", "1.0.1", false)]
    [InlineData("!= 1.0.1", "1.0.1", false)]
    [InlineData("> 0.1", "0.1.1", true)]
    [InlineData("<= 0.1", "0.1.0", true)]
    public void Satisfies(string constraint, string version, bool expected)
    {
        Assert.True(VersionConstraint.TryParse(constraint, out var c, out var error), error);
        Assert.Equal(expected, c!.IsSatisfiedBy(version));
    }

    [Theory]
    [InlineData(">= one")]
    [InlineData("1.2.3.4")]
    [InlineData("")]
    [InlineData(">= 1,")]
    public void RejectsMalformedConstraints(string constraint)
    {
        Assert.False(VersionConstraint.TryParse(constraint, out _, out var error));
        Assert.Contains(constraint, error, StringComparison.Ordinal);
    }
}
