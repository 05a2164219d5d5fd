namespace Provisioner.Providers.Sim.Tests;

/// <summary>
/// Test stand-in for the clock: virtual time that jumps forward by a timer's due time as soon as the timer is
/// created, so waits (latency, backoff, consistency delay) cost no wall time but still show on the clock.
/// </summary>
internal sealed class SkippingTimeProvider : TimeProvider
{
    private long _ticks;

    public SkippingTimeProvider(DateTimeOffset start) => _ticks = start.UtcTicks;

    public static DateTimeOffset Start { get; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public SkippingTimeProvider()
        : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Add(ref _ticks, dueTime.Ticks);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
