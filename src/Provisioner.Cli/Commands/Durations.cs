using System.Globalization;
using System.Text.RegularExpressions;

namespace Provisioner.Cli.Commands;

/// <summary>Go-style durations as Terraform's flags take them: <c>0s</c>, <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>.</summary>
internal static partial class Durations
{
    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)(ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
            return false;
        if (text == "0")
            return true;
        if (!Whole().IsMatch(text))
            return false;
        foreach (Match m in Part().Matches(text))
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            value += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }
        return true;
    }

    /// <summary>The duration, or <see cref="TimeSpan.MinValue"/> when the text is not a duration (reported by the caller).</summary>
    public static TimeSpan ParseOrZero(string? text) => TryParse(text, out var v) ? v : TimeSpan.MinValue;
}
