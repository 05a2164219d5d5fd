using System.Text;
using System.Text.Json;
using Provisioner.Engine.Events;
using Provisioner.Engine.Execution;
using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Views;

/// <summary>
/// <c>-json</c>: one JSON object per line (Terraform's machine-readable UI shape: <c>@level</c>, <c>@message</c>,
/// <c>@timestamp</c>, <c>type</c>, and a payload). Documented in docs/cli.md. Never contains sensitive values: changes
/// are reported by address and action only.
/// </summary>
internal sealed class JsonEventsView(TextWriter output, TimeProvider time) : IEngineEvents
{
    private readonly Lock _lock = new();

    public void Emit(EngineEvent e)
    {
        switch (e)
        {
            case RefreshStarted r:
                Line("info", $"{r.Resource}: Refreshing state...", "refresh_start", w => w.WriteString("resource", r.Resource));
                break;
            case RefreshCompleted r:
                Line("info", $"{r.Resource}: Refresh complete", "refresh_complete", w => w.WriteString("resource", r.Resource));
                break;
            case StepStarted s:
                Line("info", $"{s.Address}: {s.Step} started", "apply_start", w => Hook(w, s.Address, s.Step, s.Id));
                break;
            case StepCompleted s:
                Line("info", $"{s.Address}: {s.Step} complete", "apply_complete", w =>
                {
                    Hook(w, s.Address, s.Step, s.Id);
                    w.WriteNumber("elapsed_seconds", Math.Round(s.Elapsed.TotalSeconds, 3));
                });
                break;
            case StepFailed s:
                Line("error", $"{s.Address}: {s.Step} errored", "apply_errored", w =>
                {
                    Hook(w, s.Address, s.Step, null);
                    w.WriteString("error", s.Diagnostics.FirstOrDefault()?.Summary ?? "");
                });
                break;
            case StepSkipped s:
                Line("warn", $"{s.Address}: {s.Step} skipped", "apply_skipped", w =>
                {
                    Hook(w, s.Address, s.Step, null);
                    w.WriteString("reason", s.Reason);
                });
                break;
        }
    }

    /// <summary>The plan as events: one <c>planned_change</c> per change, <c>resource_drift</c>, then <c>change_summary</c>.</summary>
    public void Plan(Plan plan)
    {
        foreach (var d in plan.Drift)
            Line("info", $"{d.Address}: Drift detected ({JsonAction(d.Action)})", "resource_drift", w => Change(w, d));
        foreach (var c in plan.Changes.Where(c => c.Action != ChangeAction.NoOp))
            Line("info", $"{c.Address}: Plan to {JsonAction(c.Action)}", "planned_change", w => Change(w, c));
        var s = plan.Summary;
        Line("info", s.ToString(), "change_summary", w =>
        {
            w.WriteStartObject("changes");
            w.WriteNumber("add", s.Add);
            w.WriteNumber("change", s.Change);
            w.WriteNumber("remove", s.Destroy);
            w.WriteString("operation", plan.Mode == PlanMode.Destroy ? "destroy" : "plan");
            w.WriteEndObject();
        });
    }

    public static void Summary(TextWriter output, ApplyOutcome outcome, bool destroy)
    {
        var v = new JsonEventsView(output, TimeProvider.System);
        v.Line(outcome.Succeeded ? "info" : "error",
            $"{(destroy ? "Destroy" : "Apply")} {(outcome.Succeeded ? "complete" : "failed")}! Resources: {outcome.Added} added, {outcome.Changed} changed, {outcome.Destroyed} destroyed.",
            "change_summary", w =>
            {
                w.WriteStartObject("changes");
                w.WriteNumber("add", outcome.Added);
                w.WriteNumber("change", outcome.Changed);
                w.WriteNumber("remove", outcome.Destroyed);
                w.WriteNumber("failed", outcome.Failed);
                w.WriteString("operation", destroy ? "destroy" : "apply");
                w.WriteEndObject();
            });
        foreach (var d in outcome.Diagnostics)
        {
            v.Line(d.IsError ? "error" : "warn", d.Summary, "diagnostic", w =>
            {
                w.WriteStartObject("diagnostic");
                w.WriteString("severity", d.IsError ? "error" : "warning");
                w.WriteString("summary", d.Summary);
                w.WriteString("detail", d.Detail);
                w.WriteEndObject();
            });
        }
    }

    private static string JsonAction(ChangeAction a) => a switch
    {
        ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete => "replace",
        _ => a.JsonActions()[0],
    };

    private static void Change(Utf8JsonWriter w, ResourceInstanceChange c)
    {
        w.WriteStartObject("change");
        w.WriteStartObject("resource");
        w.WriteString("addr", c.Address.ToString());
        w.WriteString("module", c.Address.Resource.Module.ToString());
        w.WriteString("resource_type", c.Address.Resource.Type);
        w.WriteString("resource_name", c.Address.Resource.Name);
        w.WriteString("implied_provider", c.Provider);
        w.WriteEndObject();
        w.WriteString("action", JsonAction(c.Action));
        if (c.Reason != ActionReason.None)
            w.WriteString("reason", c.Reason.JsonName());
        w.WriteEndObject();
    }

    private static void Hook(Utf8JsonWriter w, string address, ChangeAction action, string? id)
    {
        w.WriteStartObject("hook");
        w.WriteStartObject("resource");
        w.WriteString("addr", address);
        w.WriteEndObject();
        w.WriteString("action", action.JsonActions()[0]);
        if (id is not null)
        {
            w.WriteString("id_key", "id");
            w.WriteString("id_value", id);
        }
        w.WriteEndObject();
    }

    private void Line(string level, string message, string type, Action<Utf8JsonWriter> payload)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("@level", level);
            w.WriteString("@message", message);
            w.WriteString("@module", "provisioner.ui");
            w.WriteString("@timestamp", time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffK", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("type", type);
            payload(w);
            w.WriteEndObject();
        }
        lock (_lock)
        {
            output.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
            output.Flush();
        }
    }
}
