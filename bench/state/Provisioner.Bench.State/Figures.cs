namespace Provisioner.Bench.State;

/// <summary>Medians (and the wall-time range) of several <see cref="Sample"/>s.</summary>
internal sealed record Figures(int Runs, double WallMedian, double WallMin, double WallMax, double CpuMedian, double ServerCpuMedian, long Bytes)
{
    /// <summary>Summarises samples (seconds).</summary>
    public static Figures Of(IReadOnlyList<Sample> samples)
    {
        static double Median(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
        }
        var wall = samples.Select(s => s.Wall.TotalSeconds).ToArray();
        return new Figures(samples.Count, Median(wall), wall.Min(), wall.Max(),
            Median(samples.Select(s => s.Cpu.TotalSeconds)), Median(samples.Select(s => s.ServerCpu.TotalSeconds)),
            samples[^1].Bytes);
    }
}
