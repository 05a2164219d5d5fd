namespace Provisioner.Engine.Planning;

/// <summary>
/// Makes plans. Pure with respect to the world: it reads (refresh, data sources) and asks providers to plan, but
/// changes nothing; the result lists one change per resource instance.
/// </summary>
public static class Planner
{
    public static async Task<PlanOutcome> PlanAsync(PlanInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var walk = new PlanWalk(input, ct);
        var plan = await walk.RunAsync().ConfigureAwait(false);
        return new PlanOutcome(plan, walk.Diagnostics, walk);
    }
}
