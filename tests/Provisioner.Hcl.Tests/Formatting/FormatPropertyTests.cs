using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Tests.Formatting;

/// <summary>For generated valid configurations, formatting is token-equivalent and idempotent.</summary>
public sealed class FormatPropertyTests
{
    [Fact]
    public void FormatIsTokenEquivalentAndIdempotent()
    {
        var arb = ConfigGenerator.Config().Where(src => !HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(src), "gen.hcl").Diagnostics.HasErrors).ToArbitrary();
        Prop.ForAll(arb, src =>
        {
            FormatTestSupport.AssertRoundTrip(Encoding.UTF8.GetBytes(src), "gen.hcl");
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void GeneratorProducesMostlyValidConfigurations()
    {
        var samples = ConfigGenerator.Config().Sample(40, 10);
        var valid = samples.Count(s => !HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(s), "gen.hcl").Diagnostics.HasErrors);
        Assert.True(valid * 10 >= samples.Length * 9, $"only {valid} of {samples.Length} generated configurations parse:\n" +
            string.Join("\n----\n", samples.Where(s => HclSyntax.ParseConfig(Encoding.UTF8.GetBytes(s), "gen.hcl").Diagnostics.HasErrors).Take(3)));
    }
}
