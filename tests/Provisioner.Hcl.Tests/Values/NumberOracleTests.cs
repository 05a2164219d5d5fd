using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Values;

public sealed class NumberOracleTests
{
    [Fact]
    public void ParseThenFormat_OracleLiterals_MatchGoBigFloat()
    {
        // Given literals whose cty rendering was captured from hashicorp/hcl (Go) via the WASM oracle
        var failures = new List<string>();
        foreach (var line in NumberOracleData.Pairs.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');

            // When
            var text = HclNumber.TryParse(parts[0], out var n) ? n.ToString() : "PARSE FAILED";

            // Then
            if (text != parts[1])
            {
                failures.Add($"{parts[0]}: want {parts[1]}, got {text}");
            }
        }

        Assert.Empty(failures);
    }
}
