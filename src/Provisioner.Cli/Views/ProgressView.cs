using System.Globalization;
using Provisioner.Engine.Events;
using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Views;

/// <summary>
/// Human progress of plan and apply, from the engine's events: Terraform's lines (<c>web[0]: Creating...</c>,
/// <c>Creation complete after 2s [id=m-1]</c>). On a terminal a live status line shows how far the apply is;
/// otherwise every line starts with a UTC timestamp, for logs.
/// </summary>
internal sealed class ProgressView(TextWriter output, bool terminal, TimeProvider time, int totalSteps = 0) : IEngineEvents
{
    private readonly Lock _lock = new();
    private int _done;
    private int _running;
    private int _failed;
    private bool _statusShown;

    public void Emit(EngineEvent e)
    {
        string? line = e switch
        {
            RefreshStarted r => $"{r.Resource}: Refreshing state... ({Count(r.Instances, "instance")})",
            StepStarted s => $"{s.Address}: {Verb(s.Step)}...{(s.Id is null ? "" : $" [id={s.Id}]")}",
            StepCompleted s => $"{s.Address}: {Noun(s.Step)} complete after {Seconds(s.Elapsed)}{(s.Id is null ? "" : $" [id={s.Id}]")}",
            StepFailed s => $"{s.Address}: {Noun(s.Step)} failed: {s.Diagnostics.FirstOrDefault()?.Summary}",
            StepSkipped s => $"{s.Address}: {Noun(s.Step)} skipped: {s.Reason}",
            _ => null,
        };
        if (line is null)
            return;
        lock (_lock)
        {
            switch (e)
            {
                case StepStarted:
                    _running++;
                    break;
                case StepCompleted:
                    _running--;
                    _done++;
                    break;
                case StepFailed:
                    _running--;
                    _failed++;
                    break;
            }
            if (_statusShown)
                output.Write("\r\u001b[K");
            if (!terminal)
                output.Write(time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z' ", CultureInfo.InvariantCulture));
            output.WriteLine(line);
            _statusShown = false;
            if (terminal && totalSteps > 0 && e is StepStarted or StepCompleted or StepFailed)
            {
                output.Write($"[{_done + _failed}/{totalSteps} done, {_running} in progress{(_failed > 0 ? $", {_failed} failed" : "")}]");
                _statusShown = true;
            }
            output.Flush();
        }
    }

    /// <summary>Clears the live status line (call before printing the summary).</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_statusShown)
                output.Write("\r\u001b[K");
            _statusShown = false;
        }
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Seconds(TimeSpan t) => t.TotalSeconds < 60
        ? ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
        : $"{(int)t.TotalMinutes}m{t.Seconds}s";

    private static string Verb(ChangeAction a) => a switch
    {
        ChangeAction.Create => "Creating",
        ChangeAction.Update => "Modifying",
        ChangeAction.Delete => "Destroying",
        _ => "Reading",
    };

    private static string Noun(ChangeAction a) => a switch
    {
        ChangeAction.Create => "Creation",
        ChangeAction.Update => "Modifications",
        ChangeAction.Delete => "Destruction",
        ChangeAction.NoOp => "Import",
        ChangeAction.Forget => "Removal from state",
        _ => "Read",
    };
}
