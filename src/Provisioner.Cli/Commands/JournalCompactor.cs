using Provisioner.Cli.Backends;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Commands;

/// <summary>
/// Compacts the state from the journal at intervals during a long apply (design §5): every interval, the stored state
/// plus every finished call in the journal becomes the new state (serial + 1, compare-and-swap), so the state shows
/// progress and a crash leaves less to replay. The journal itself is left alone (appends stay O(1); replaying a
/// result twice is harmless), and is deleted as usual once the final state is written.
/// </summary>
/// <remarks>
/// The interval is 60 s, or <c>PROVISIONER_STATE_COMPACT_INTERVAL</c> (a duration such as <c>30s</c>; <c>0</c> turns
/// it off). Only one compaction runs at a time; <see cref="StopAsync"/> waits for a running one before the final write.
/// </remarks>
internal sealed class JournalCompactor
{
    public const string IntervalVariable = "PROVISIONER_STATE_COMPACT_INTERVAL";

    private readonly StateAccess _access;
    private readonly string _lineage;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _lastResults;

    private JournalCompactor(StateAccess access, string lineage, TimeSpan interval, TimeProvider time)
    {
        _access = access;
        _lineage = lineage;
        _loop = RunAsync(interval, time);
    }

    /// <summary>How many compactions wrote a state.</summary>
    public int Compactions { get; private set; }

    /// <summary>The first error a compaction met (compaction is best effort: the final write still happens).</summary>
    public Diagnostic? Error { get; private set; }

    /// <summary>Starts compacting at the configured interval; null when it is turned off.</summary>
    public static JournalCompactor? Start(StateAccess access, string lineage, TimeProvider time)
    {
        var interval = TimeSpan.FromSeconds(60);
        if (Environment.GetEnvironmentVariable(IntervalVariable) is { Length: > 0 } text)
        {
            if (text.Trim() == "0")
                return null;
            if (Durations.TryParse(text, out var parsed) && parsed > TimeSpan.Zero)
                interval = parsed;
        }
        return new JournalCompactor(access, lineage, interval, time);
    }

    private async Task RunAsync(TimeSpan interval, TimeProvider time)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                await CompactOnceAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CompactOnceAsync(CancellationToken ct)
    {
        try
        {
            var journal = await _access.Store.ReadJournalAsync(ct).ConfigureAwait(false);
            if (!journal.IsSuccess || journal.Contents.Results.Count == _lastResults)
                return;
            var (read, _) = await _access.Store.ReadAsync(ct).ConfigureAwait(false);
            if (!read.IsSuccess)
                return;
            var state = read.Snapshot ?? new StateSnapshot(_lineage);
            var replayer = new JournalReplayer(state);
            replayer.ApplyAll(journal.Contents);
            replayer.Finish();
            state.Serial = _access.Known?.Serial ?? state.Serial;
            state.Serial++;
            state.ProvisionerVersion = CommandLine.Version;
            var diags = await _access.WriteAsync(state, CancellationToken.None).ConfigureAwait(false);
            if (diags.HasErrors)
            {
                Error ??= Diagnostic.Warning("State compaction failed during apply", diags.First(d => d.IsError).Detail);
                return;
            }
            _lastResults = journal.Contents.Results.Count;
            Compactions++;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or Provisioner.State.Backends.StateBackendException)
        {
            Error ??= Diagnostic.Warning("State compaction failed during apply", ex.Message + " The journal still records every operation; the state is written at the end of the apply.");
        }
    }

    /// <summary>Stops compacting, waiting for a compaction in progress.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
