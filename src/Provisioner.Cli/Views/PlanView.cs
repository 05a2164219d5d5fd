using System.Globalization;
using System.Text;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Views;

/// <summary>
/// The human plan, shaped like Terraform's: the summary line first, then drift ("Objects have changed outside of
/// Provisioner"), the legend of the symbols used, one block per changed instance, the summary again, and the output
/// changes. No-ops are not shown.
/// </summary>
internal static class PlanView
{
    private const string Rule = "─────────────────────────────────────────────────────────────────────────────";

    /// <summary>Writes the plan; <paramref name="color"/> adds ANSI colours (off with <c>-no-color</c>).</summary>
    public static void Render(Plan plan, TextWriter writer, bool color) => writer.Write(RenderToString(plan, color));

    /// <summary>The rendered plan text (lines end with <c>\n</c>).</summary>
    public static string RenderToString(Plan plan, bool color)
    {
        var o = new StringBuilder();
        var changes = plan.Changes.Where(c => c.Action != ChangeAction.NoOp || c.ImportId is not null).ToList();
        var outputs = plan.OutputChanges.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var drift = plan.Drift.Where(c => c.Action != ChangeAction.NoOp).ToList();

        if (changes.Count == 0 && outputs.Count == 0)
        {
            if (drift.Count > 0)
                WriteDrift(o, plan.Mode, drift, color);
            if (plan.Mode == PlanMode.RefreshOnly && drift.Count > 0)
                return o.ToString();
            o.Append(Bold("No changes.", color));
            switch (plan.Mode)
            {
                case PlanMode.Destroy:
                    o.Append(Bold(" No objects need to be destroyed.", color)).Append("\n\n")
                        .Append("Either you have not created any objects yet or the existing objects were already deleted outside of Provisioner.\n");
                    break;
                case PlanMode.RefreshOnly:
                    o.Append(Bold(" Your infrastructure still matches the configuration.", color)).Append("\n\n")
                        .Append("Provisioner has checked that the real remote objects still match the result of your most recent changes, and found no differences.\n");
                    break;
                default:
                    o.Append(Bold(" Your infrastructure matches the configuration.", color)).Append("\n\n")
                        .Append("Provisioner has compared your real infrastructure against your configuration and found no differences, so no changes are needed.\n");
                    break;
            }
            return o.ToString();
        }

        if (changes.Count > 0)
            o.Append(Bold(SummaryLine(changes), color)).Append("\n\n");
        if (drift.Count > 0)
            WriteDrift(o, plan.Mode, drift, color);

        if (changes.Count > 0)
        {
            o.Append("Provisioner used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:\n");
            WriteLegend(o, changes, color);
            o.Append('\n').Append("Provisioner will perform the following actions:\n\n");
            foreach (var c in changes)
            {
                WriteChange(o, c, color);
                o.Append('\n');
            }
            o.Append(Bold(SummaryLine(changes), color)).Append('\n');
        }

        if (outputs.Count > 0)
        {
            if (changes.Count > 0)
                o.Append('\n');
            o.Append(Bold("Changes to Outputs:", color)).Append('\n');
            WriteOutputs(o, outputs, color);
            if (changes.Count == 0)
            {
                o.Append('\n').Append("You can apply this plan to save these new output values to the Provisioner state, without changing any real infrastructure.\n");
            }
        }
        return o.ToString();
    }

    /// <summary><c>Plan: 1 to add, 2 to change, 0 to destroy.</c> (with <c>, N to forget.</c> when any).</summary>
    public static string SummaryLine(IReadOnlyCollection<ResourceInstanceChange> changes)
    {
        var s = PlanSummary.Of(changes);
        var forget = changes.Count(c => c.Action == ChangeAction.Forget);
        var imports = changes.Count(c => c.ImportId is not null);
        var text = string.Create(CultureInfo.InvariantCulture, $"Plan: {(imports > 0 ? $"{imports} to import, " : "")}{s.Add} to add, {s.Change} to change, {s.Destroy} to destroy");
        return forget > 0 ? string.Create(CultureInfo.InvariantCulture, $"{text}, {forget} to forget.") : text + ".";
    }

    private static string Bold(string text, bool color) => PlanColors.Paint(text, PlanColors.Bold, color);

    private static void WriteLegend(StringBuilder o, IReadOnlyCollection<ResourceInstanceChange> changes, bool color)
    {
        (ChangeAction Action, string Text)[] legend =
        [
            (ChangeAction.Create, "create"),
            (ChangeAction.Update, "update in-place"),
            (ChangeAction.Delete, "destroy"),
            (ChangeAction.DeleteThenCreate, "destroy and then create replacement"),
            (ChangeAction.CreateThenDelete, "create replacement and then destroy"),
            (ChangeAction.Read, "read (data resources)"),
            (ChangeAction.Forget, "forget (remove from state, keep the object)"),
        ];
        foreach (var (action, text) in legend)
        {
            if (changes.Any(c => c.Action == action))
                o.Append(PlanColors.Symbol(action, color)).Append(' ').Append(text).Append('\n');
        }
    }

    private static void WriteDrift(StringBuilder o, PlanMode mode, IReadOnlyList<ResourceInstanceChange> drift, bool color)
    {
        o.Append(Bold("Note: Objects have changed outside of Provisioner", color)).Append("\n\n")
            .Append("Provisioner detected the following changes made outside of Provisioner since the last \"provisioner apply\" which may have affected this plan:\n\n");
        foreach (var d in drift)
        {
            var what = d.Action == ChangeAction.Delete ? "has been deleted" : "has changed";
            o.Append(Bold("  # " + DisplayAddress(d), color)).Append(' ').Append(what).Append('\n');
            WriteBlock(o, d, d.Action == ChangeAction.Delete ? ChangeAction.Delete : ChangeAction.Update, color);
            o.Append('\n');
        }
        if (mode == PlanMode.RefreshOnly)
        {
            o.Append("This is a refresh-only plan, so Provisioner will not take any actions to undo these. If you were to apply this plan, Provisioner would update the Provisioner state to reflect these detected changes.\n");
        }
        else
        {
            o.Append("Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.\n");
        }
        o.Append('\n').Append(Rule).Append("\n\n");
    }

    private static string DisplayAddress(ResourceInstanceChange c) =>
        c.Deposed is null ? c.Address.ToString() : $"{c.Address} (deposed object {c.Deposed})";

    private static void WriteChange(StringBuilder o, ResourceInstanceChange c, bool color)
    {
        var addr = Bold("  # " + DisplayAddress(c), color);
        var header = c.Action switch
        {
            ChangeAction.Create => "will be created",
            ChangeAction.Read => "will be read during apply",
            ChangeAction.Update => "will be updated in-place",
            ChangeAction.Delete => "will be destroyed",
            ChangeAction.Forget => "will no longer be managed by Provisioner",
            ChangeAction.NoOp => "will be imported",
            _ => c.Reason switch
            {
                ActionReason.ReplaceBecauseTainted => "is tainted, so must be replaced",
                ActionReason.ReplaceByRequest => "will be replaced, as requested",
                ActionReason.ReplaceByTriggers => "will be replaced due to changes in replace_triggered_by",
                _ => "must be replaced",
            },
        };
        o.Append(addr).Append(' ').Append(header).Append('\n');
        if (ReasonLine(c) is { } reason)
            o.Append("  # (").Append(reason).Append(")\n");
        if (c.ImportId is not null)
            o.Append("  # (imported from \"").Append(c.ImportId).Append("\")\n");
        if (c.Deposed is not null && c.Action == ChangeAction.Delete)
            o.Append("  # (left over from a partially-failed replacement of this instance)\n");
        WriteBlock(o, c, c.Action, color);
    }

    private static string? ReasonLine(ResourceInstanceChange c)
    {
        var addr = c.Address;
        if (c.ReasonText is { } text)
            return text;
        return c.Reason switch
        {
            ActionReason.DeleteBecauseNoResourceConfig => $"because {addr.Resource.LocalName} is not in configuration",
            ActionReason.DeleteBecauseNoModule => $"because {addr.Resource.Module} is not in configuration",
            ActionReason.DeleteBecauseWrongRepetition => addr.Key.Kind switch
            {
                InstanceKeyKind.None => "because resource uses count or for_each",
                InstanceKeyKind.Int => "because resource does not use count",
                _ => "because resource does not use for_each",
            },
            ActionReason.DeleteBecauseCountIndex => $"because index {addr.Key} is out of range for count",
            ActionReason.DeleteBecauseEachKey => $"because key {addr.Key} is not in for_each map",
            ActionReason.ReadBecauseConfigUnknown => "config refers to values not yet known",
            ActionReason.ReadBecauseDependencyPending => "depends on a resource or a module with changes pending",
            _ => null,
        };
    }

    private static void WriteBlock(StringBuilder o, ResourceInstanceChange c, ChangeAction action, bool color)
    {
        var r = c.Address.Resource;
        var kind = r.Mode == ResourceMode.Data ? "data" : "resource";
        o.Append(PlanColors.Symbol(action, color)).Append(' ')
            .Append(kind).Append(' ').Append(PlanDiffWriter.Quote(r.Type)).Append(' ').Append(PlanDiffWriter.Quote(r.Name)).Append(" {\n");
        var diff = new PlanDiffWriter(o, color, c.ReplacePaths);
        switch (action)
        {
            case ChangeAction.Create:
            case ChangeAction.Read:
                diff.WriteBody(1, HclValue.NullOf(c.After.Type), c.After, identifying: false);
                break;
            case ChangeAction.Delete:
                diff.WriteBody(1, c.Before, HclValue.NullOf(c.Before.Type), identifying: false);
                break;
            case ChangeAction.Forget:
                diff.WriteBody(1, c.Before, c.Before, identifying: true);
                break;
            default:
                diff.WriteBody(1, c.Before, c.After, identifying: true);
                break;
        }
        o.Append("    }\n");
    }

    private static void WriteOutputs(StringBuilder o, IReadOnlyList<OutputChange> outputs, bool color)
    {
        var width = outputs.Max(x => x.Name.Length);
        var diff = new PlanDiffWriter(o, color, []);
        foreach (var x in outputs)
        {
            var before = x.Sensitive && !x.Before.IsNull ? x.Before.Mark(HclMarks.Sensitive) : x.Before;
            var after = x.Sensitive && !x.After.IsNull ? x.After.Mark(HclMarks.Sensitive) : x.After;
            diff.WriteEntry(0, x.Name, width, before, after, Provisioner.Sdk.AttributePath.Attr(x.Name), element: false);
        }
    }
}
