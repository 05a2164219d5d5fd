using System.Globalization;
using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Cli.Views;

/// <summary>
/// The end of <c>apply</c>/<c>destroy</c>: <c>Apply complete! Resources: 3 added, 1 changed, 0 destroyed.</c> (or
/// <c>Destroy complete! Resources: 2 destroyed.</c>), then the root outputs as <c>name = value</c>, with
/// <c>&lt;sensitive&gt;</c> for sensitive ones.
/// </summary>
internal static class ApplyView
{
    /// <summary>Writes the summary and outputs; <paramref name="outputs"/> are shown in name order.</summary>
    public static void Render(TextWriter writer, bool color, ApplyCounts counts, bool destroy, IEnumerable<ApplyOutput> outputs) =>
        writer.Write(RenderToString(color, counts, destroy, outputs));

    public static string RenderToString(bool color, ApplyCounts counts, bool destroy, IEnumerable<ApplyOutput> outputs)
    {
        var o = new StringBuilder();
        var title = destroy ? "Destroy complete!" : "Apply complete!";
        o.Append(color ? PlanColors.Bold + PlanColors.Green + title + PlanColors.Reset : title).Append(' ');
        var resources = destroy
            ? string.Create(CultureInfo.InvariantCulture, $"Resources: {counts.Destroyed} destroyed")
            : string.Create(CultureInfo.InvariantCulture, $"Resources: {(counts.Imported > 0 ? $"{counts.Imported} imported, " : "")}{counts.Added} added, {counts.Changed} changed, {counts.Destroyed} destroyed");
        if (counts.Forgotten > 0)
            resources += string.Create(CultureInfo.InvariantCulture, $", {counts.Forgotten} forgotten");
        o.Append(PlanColors.Paint(resources + ".", PlanColors.Bold, color)).Append('\n');
        var list = outputs.OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        if (list.Count > 0 && !destroy)
        {
            o.Append('\n').Append(PlanColors.Paint("Outputs:", PlanColors.Bold + PlanColors.Green, color)).Append("\n\n");
            foreach (var x in list)
                o.Append(x.Name).Append(" = ").Append(x.Sensitive || x.Value.DeepMarks().Contains(HclMarks.Sensitive) ? "<sensitive>" : OutputValueRenderer.Render(x.Value)).Append('\n');
        }
        return o.ToString();
    }
}
