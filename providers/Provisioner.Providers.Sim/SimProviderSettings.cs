using Provisioner.Hcl.Values;
using Provisioner.Providers.Sim.Cloud;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Providers.Sim;

/// <summary>The evaluated <c>provider "sim"</c> block, checked.</summary>
internal sealed record SimProviderSettings(
    string InventoryDir,
    SimCloudOptions Cloud,
    int MaxConcurrency,
    int MaxRetries)
{
    public const int DefaultMaxRetries = 5;

    /// <summary>Reads and checks the provider configuration; unknown values are only an error when
    /// <paramref name="requireKnown"/> (at configure time).</summary>
    public static (SimProviderSettings? Settings, IReadOnlyList<ProviderDiagnostic> Diagnostics) Parse(HclValue config, string workingDirectory, bool requireKnown)
    {
        var diags = new List<ProviderDiagnostic>();
        var obj = config.IsNull || !config.IsKnown ? null : config.Unmark().Value;

        HclValue Get(string name) => obj is not null && obj.Type.HasAttribute(name) ? obj.GetAttribute(name).Unmark().Value : HclValue.Null;

        bool Usable(string name, HclValue v)
        {
            if (v.IsNull)
                return false;
            if (!v.IsKnown)
            {
                if (requireKnown)
                    diags.Add(ProviderDiagnostic.Error("Value not known", $"The value of {name} must be known when the provider is configured.", AttributePath.Attr(name)));
                return false;
            }
            return true;
        }

        long? Whole(string name, long min, long max)
        {
            var v = Get(name);
            if (!Usable(name, v))
                return null;
            if (!v.AsNumber().TryToLong(out var l) || l < min || l > max)
            {
                diags.Add(ProviderDiagnostic.Error($"Invalid {name}",
                    $"{name} must be a whole number between {min} and {max}; got {v.AsNumber()}.", AttributePath.Attr(name)));
                return null;
            }
            return l;
        }

        const long MaxMs = 24L * 3600 * 1000;
        var latency = Whole("latency_ms", 0, MaxMs) ?? 0;
        var jitter = Whole("jitter_ms", 0, MaxMs) ?? 0;
        var capacity = Whole("capacity", 0, int.MaxValue);
        var delay = Whole("consistency_delay_ms", 0, MaxMs) ?? 0;
        var seed = Whole("seed", int.MinValue, int.MaxValue);
        var maxConcurrency = Whole("max_concurrency", 0, 100_000) ?? 0;
        var maxRetries = Whole("max_retries", 0, 100) ?? DefaultMaxRetries;

        var rate = 0.0;
        var rateValue = Get("transient_error_rate");
        if (Usable("transient_error_rate", rateValue))
        {
            var r = rateValue.AsNumber().ToDouble();
            if (r < 0 || r > 1 || double.IsNaN(r))
                diags.Add(ProviderDiagnostic.Error("Invalid transient_error_rate",
                    $"transient_error_rate is a probability between 0 and 1; got {rateValue.AsNumber()}.", AttributePath.Attr("transient_error_rate")));
            else
                rate = r;
        }

        var dir = SimSchemas.DefaultInventoryDir;
        var dirValue = Get("inventory_dir");
        if (Usable("inventory_dir", dirValue))
        {
            if (string.IsNullOrWhiteSpace(dirValue.AsString()))
                diags.Add(ProviderDiagnostic.Error("Invalid inventory_dir", "inventory_dir must not be empty.", AttributePath.Attr("inventory_dir")));
            else
                dir = dirValue.AsString();
        }

        if (diags.Any(d => d.IsError))
            return (null, diags);
        var options = new SimCloudOptions(
            TimeSpan.FromMilliseconds(latency),
            TimeSpan.FromMilliseconds(jitter),
            rate,
            capacity is { } c ? (int)c : null,
            TimeSpan.FromMilliseconds(delay),
            seed is { } s ? (int)s : null);
        return (new SimProviderSettings(Path.GetFullPath(dir, workingDirectory), options, (int)maxConcurrency, (int)maxRetries), diags);
    }
}
