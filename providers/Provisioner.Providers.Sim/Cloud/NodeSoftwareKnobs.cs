namespace Provisioner.Providers.Sim.Cloud;

/// <summary>
/// Failure knobs of the simulated node software, recorded in the inventory (so they hold for every process using
/// it): a node that fails to join, a slow drain, a machine that dies.
/// </summary>
public static class NodeSoftwareKnobs
{
    /// <summary>The next <paramref name="times"/> joins of the node called <paramref name="node"/> fail (0 clears).</summary>
    public static void FailJoins(string inventoryDir, string node, int times, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        Record(inventoryDir, time, ct, now => new ClusterRecord(ClusterOps.KnobFailJoin, "", node, null, now, Count: times));
    }

    /// <summary>Draining the node called <paramref name="node"/> takes <paramref name="delay"/>.</summary>
    public static void SlowDrain(string inventoryDir, string node, TimeSpan delay, TimeProvider? time = null, CancellationToken ct = default) =>
        Record(inventoryDir, time, ct, now => new ClusterRecord(ClusterOps.KnobSlowDrain, "", node, null, now, DelayMs: (long)delay.TotalMilliseconds));

    /// <summary>The machine dies: the cloud still lists it, but it is unreachable and its node NotReady; an etcd member
    /// on it is unhealthy (which may lose quorum).</summary>
    public static void Kill(string inventoryDir, string machineId, TimeProvider? time = null, CancellationToken ct = default)
    {
        var clock = time ?? TimeProvider.System;
        ClusterSimulation.For(inventoryDir).Locked(clock, ct, s =>
        {
            s.Record(new ClusterRecord(ClusterOps.Kill, "", "", machineId, s.Now));
            foreach (var cluster in s.Model.Members.Where(m => m.Value.Machine == machineId).Select(m => m.Key.Cluster).Distinct().ToList())
                s.CheckQuorum(cluster, $"machine {machineId} died");
            return true;
        });
    }

    /// <summary>
    /// Sets the knobs a <c>sim_node_pool</c>'s <c>failure</c> blocks give the node <paramref name="node"/> on machine
    /// <paramref name="machineId"/> (null: no such knob, i.e. 0): each is recorded only when it differs from what the
    /// configuration set last time for this machine, so re-applying a configuration does not re-arm a failed join.
    /// One pass under the lock. Returns how many knobs were recorded.
    /// </summary>
    internal static int ApplyConfigured(string inventoryDir, string node, string machineId, int? failJoinTimes, long? slowDrainMs,
        TimeProvider time, CancellationToken ct) =>
        ClusterSimulation.For(inventoryDir).Locked(time, ct, s =>
        {
            var recorded = 0;
            var joinKey = $"{machineId}:{failJoinTimes ?? 0}";
            if (Differs(s, node, ClusterOps.KnobFailJoin, joinKey, failJoinTimes is > 0))
            {
                s.Record(new ClusterRecord(ClusterOps.KnobFailJoin, "", node, machineId, s.Now, Count: failJoinTimes ?? 0, Key: joinKey));
                recorded++;
            }
            var drainKey = $"{machineId}:{slowDrainMs ?? 0}";
            if (Differs(s, node, ClusterOps.KnobSlowDrain, drainKey, slowDrainMs is > 0))
            {
                s.Record(new ClusterRecord(ClusterOps.KnobSlowDrain, "", node, machineId, s.Now, DelayMs: slowDrainMs ?? 0, Key: drainKey));
                recorded++;
            }
            return recorded;
        });

    /// <summary>A knob needs recording when the configuration's key differs from the one it last recorded; when the
    /// configuration never set it (or the API set it since), only a configuration that sets it records.</summary>
    private static bool Differs(ClusterSimulation.Scope s, string node, string op, string key, bool set) =>
        s.Model.KnobKeys.TryGetValue((node, op), out var last) && last is not null ? last != key : set;

    /// <summary>Whether <paramref name="machineId"/> was killed (NotReady).</summary>
    public static bool IsDead(string inventoryDir, string machineId, CancellationToken ct = default) =>
        File.Exists(Path.Combine(inventoryDir, ClusterLog.FileName))
        && ClusterSimulation.For(inventoryDir).Locked(TimeProvider.System, ct, s => s.Model.Dead.Contains(machineId));

    private static void Record(string inventoryDir, TimeProvider? time, CancellationToken ct, Func<DateTimeOffset, ClusterRecord> record) =>
        ClusterSimulation.For(inventoryDir).Locked(time ?? TimeProvider.System, ct, s =>
        {
            s.Record(record(s.Now));
            return true;
        });
}
