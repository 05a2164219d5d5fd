namespace Provisioner.Bench.State;

/// <summary>One timed run: wall time, this process's CPU time, the server's CPU time (0 for the local backend), bytes.</summary>
internal sealed record Sample(TimeSpan Wall, TimeSpan Cpu, TimeSpan ServerCpu, long Bytes);
