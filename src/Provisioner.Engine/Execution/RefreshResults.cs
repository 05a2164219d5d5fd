using Provisioner.Engine.Planning;
using Provisioner.State;

namespace Provisioner.Engine.Execution;

/// <summary>Writes what planning learned from the world (refreshed objects, data sources read) into a state.</summary>
internal static class RefreshResults
{
    /// <summary>Data sources read during planning and objects refreshed with differences go into state first.</summary>
    public static void Record(PlanWalk walk, Plan plan, StateRecorder state)
    {
        var drift = new Dictionary<(string, string), ResourceInstanceChange>();
        foreach (var d in plan.Drift)
            drift[(d.Address.Resource.ToString(), d.Address.Key.ToString() + (d.Deposed is null ? "" : "/" + d.Deposed))] = d;
        foreach (var ((resource, instanceKey), refreshed) in walk.RefreshedObjects)
        {
            if (!drift.TryGetValue((resource, instanceKey), out var change))
                continue;
            var existing = state.Find(change.Address, change.Deposed);
            if (existing is null)
                continue;
            if (refreshed is null)
            {
                state.Remove(change.Address, change.Deposed);
                continue;
            }
            Hcl.Values.HclValue value = refreshed.Value.Value;
            state.Set(change.Address, change.Deposed, change.Provider, ExecutorRun.EachOf(change.Address), value, refreshed.Value.Private,
                existing.Status, existing.Generation, existing.Dependencies.ToList(), existing.CreateBeforeDestroy);
        }
        foreach (var (address, (provider, value)) in walk.NarrowedObjects)
        {
            // A member object recorded with a whole parent (secrets included) or its node's health: recorded as its
            // views now show it (decision 0006, MemberSchema.ParentAttributes), so the state sheds the copies.
            if (state.Find(address, null) is { } existing)
                state.Set(address, null, provider, ExecutorRun.EachOf(address), value, existing.Private, existing.Status, existing.Generation, existing.Dependencies.ToList(), existing.CreateBeforeDestroy);
        }
        if (plan.Mode == PlanMode.Destroy)
        {
            // As in Terraform, a full destroy leaves nothing recorded: data sources are forgotten too.
            if (plan.Options.TargetList.Count == 0)
                state.RemoveDataResources();
            return;
        }
        foreach (var (resource, key, provider, value) in walk.DataReads)
            state.Set(resource.Instance(key), null, provider, ExecutorRun.EachOf(resource.Instance(key)), value, null, InstanceStatus.Ready, 0, [], false);
    }

}
