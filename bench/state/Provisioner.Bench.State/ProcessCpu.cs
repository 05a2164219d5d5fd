using System.Globalization;

namespace Provisioner.Bench.State;

/// <summary>
/// CPU time (user + system) of a server process and its descendants, read from <c>/proc</c>: the live processes of
/// the tree plus what the root's exited children already used (cutime, cstime). Linux only; 0 elsewhere.
/// </summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfTree(int rootPid)
    {
        if (!OperatingSystem.IsLinux())
            return TimeSpan.Zero;
        var stats = new Dictionary<int, (int Parent, double Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            if (Read(pid) is { } s)
                stats[pid] = (s.Parent, pid == rootPid ? s.Own + s.Children : s.Own);
        }
        var total = 0.0;
        foreach (var (pid, s) in stats)
        {
            for (var p = pid; ; p = stats[p].Parent)
            {
                if (p == rootPid)
                {
                    total += s.Ticks;
                    break;
                }
                if (!stats.ContainsKey(p) || stats[p].Parent == p)
                    break;
            }
        }
        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }

    private static (int Parent, double Own, double Children)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // pid (comm) state ppid ... field 14 utime, 15 stime, 16 cutime, 17 cstime (1-based, counting from pid).
        var close = text.LastIndexOf(')');
        if (close < 0)
            return null;
        var f = text[(close + 2)..].Split(' ');
        double N(int field) => double.Parse(f[field - 3], CultureInfo.InvariantCulture);
        return ((int)N(4), N(14) + N(15), N(16) + N(17));
    }
}
