using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The machine-readable plan of <c>show -json PLANFILE</c>, in the shape of Terraform's JSON plan
/// (<c>format_version</c> 1.2). Unlike Terraform it never prints a sensitive value: where a value is sensitive the
/// document holds null and sets <c>true</c> at that path in <c>before_sensitive</c>/<c>after_sensitive</c>; sensitive
/// variables are <c>{"value": null, "sensitive": true}</c>. See docs/plan-json.md.
/// </summary>
public static class PlanJson
{
    /// <summary>The <c>format_version</c> written (Terraform's JSON plan version whose shape this follows).</summary>
    public const string FormatVersion = "1.2";

    /// <summary>The JSON document as a string (UTF-8 when written out; no trailing newline).</summary>
    public static string Serialize(Plan plan, string provisionerVersion, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, MaxDepth = 4096, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, plan, provisionerVersion);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the JSON document for <paramref name="plan"/>.</summary>
    public static void Write(Utf8JsonWriter w, Plan plan, string provisionerVersion)
    {
        var errored = plan.Diagnostics.HasErrors;
        w.WriteStartObject();
        w.WriteString("format_version", FormatVersion);
        w.WriteString("provisioner_version", provisionerVersion);
        w.WriteStartObject("variables");
        foreach (var (name, value) in plan.Variables.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(name);
            if (value.DeepMarks().Contains(HclMarks.Sensitive))
            {
                w.WriteNull("value");
                w.WriteBoolean("sensitive", true);
            }
            else
            {
                w.WritePropertyName("value");
                PlanJsonValues.WriteValue(w, value);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        PlanJsonPlannedValues.Write(w, plan);
        WriteResourceChanges(w, "resource_drift", plan.Drift);
        WriteResourceChanges(w, "resource_changes", plan.Changes);
        w.WriteStartObject("output_changes");
        foreach (var o in plan.OutputChanges.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            w.WritePropertyName(o.Name);
            var before = o.Sensitive ? o.Before.Mark(HclMarks.Sensitive) : o.Before;
            var after = o.Sensitive ? o.After.Mark(HclMarks.Sensitive) : o.After;
            WriteChange(w, o.Action, before, after, []);
        }
        w.WriteEndObject();
        w.WriteStartObject("prior_state");
        w.WriteString("lineage", plan.PriorLineage);
        w.WriteNumber("serial", plan.PriorSerial);
        w.WriteEndObject();
        w.WriteBoolean("applyable", plan.HasChanges && !errored);
        w.WriteBoolean("complete", !errored);
        w.WriteBoolean("errored", errored);
        w.WriteEndObject();
    }

    private static void WriteResourceChanges(Utf8JsonWriter w, string name, IReadOnlyList<ResourceInstanceChange> changes)
    {
        w.WriteStartArray(name);
        // Terraform sorts by address text, then deposed key (current object first).
        foreach (var c in changes.OrderBy(c => c.Address.ToString(), StringComparer.Ordinal).ThenBy(c => c.Deposed ?? "", StringComparer.Ordinal))
        {
            w.WriteStartObject();
            PlanJsonValues.WriteResourceIdentity(w, c, withModule: true);
            if (c.Deposed is not null)
                w.WriteString("deposed", c.Deposed);
            w.WriteString("provider_name", c.Provider);
            w.WritePropertyName("change");
            WriteChange(w, c.Action, c.Before, c.After, c.ReplacePaths, c.ImportId);
            if (c.Reason != ActionReason.None)
                w.WriteString("action_reason", c.Reason.JsonName());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteChange(Utf8JsonWriter w, ChangeAction action, HclValue before, HclValue after, IReadOnlyList<AttributePath> replacePaths, string? importId = null)
    {
        w.WriteStartObject();
        w.WriteStartArray("actions");
        foreach (var a in action.JsonActions())
            w.WriteStringValue(a);
        w.WriteEndArray();
        w.WritePropertyName("before");
        PlanJsonValues.WriteValue(w, before);
        w.WritePropertyName("after");
        PlanJsonValues.WriteValue(w, after);
        w.WritePropertyName("after_unknown");
        PlanJsonValues.WriteUnknownMask(w, after);
        w.WritePropertyName("before_sensitive");
        PlanJsonValues.WriteSensitiveMask(w, before);
        w.WritePropertyName("after_sensitive");
        PlanJsonValues.WriteSensitiveMask(w, after);
        if (replacePaths.Count > 0)
        {
            w.WriteStartArray("replace_paths");
            foreach (var p in replacePaths)
            {
                w.WriteStartArray();
                foreach (var s in p.Steps)
                {
                    if (s.Kind == PathStepKind.Index)
                        w.WriteNumberValue(s.Position);
                    else
                        w.WriteStringValue(s.Name);
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        if (importId is not null)
        {
            w.WriteStartObject("importing");
            w.WriteString("id", importId);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
