using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Commands;

/// <summary>Compares a saved plan with the plan derived again when applying it.</summary>
internal static class SavedPlanComparer
{
    /// <summary>A description of the first difference in actions or planned values, or null when they agree.</summary>
    public static string? FirstDifference(Plan saved, Plan again)
    {
        var a = saved.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var b = again.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var byAddress = b.ToDictionary(c => c.Address + "/" + c.Deposed, StringComparer.Ordinal);
        foreach (var c in a)
        {
            if (!byAddress.Remove(c.Address + "/" + c.Deposed, out var d))
                return $"{c.Address} would no longer {string.Join(" and ", c.Action.JsonActions())}";
            if (d.Action != c.Action)
                return $"{c.Address} would {string.Join(" and ", d.Action.JsonActions())} instead of {string.Join(" and ", c.Action.JsonActions())}";
            if (!c.After.UnmarkDeep().Value.RawEquals(d.After.UnmarkDeep().Value))
                return $"{c.Address} would get different values";
        }
        foreach (var d in byAddress.Values)
            return $"{d.Address} would also {string.Join(" and ", d.Action.JsonActions())}";
        return null;
    }
}
