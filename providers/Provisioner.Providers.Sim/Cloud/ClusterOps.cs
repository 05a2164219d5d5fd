namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The <see cref="ClusterRecord.Op"/> values.</summary>
internal static class ClusterOps
{
    public const string Runtime = "runtime";
    public const string EtcdBegin = "etcd_begin";
    public const string EtcdAdd = "etcd_add";
    public const string EtcdRemove = "etcd_remove";
    public const string EtcdAbort = "etcd_abort";
    public const string ControlPlane = "controlplane";
    public const string Join = "join";
    public const string JoinFailed = "join_failed";
    public const string Cordon = "cordon";
    public const string Drain = "drain";
    public const string Uncordon = "uncordon";
    public const string Upgrade = "upgrade";
    public const string Leave = "leave";
    public const string Incident = "incident";
    public const string QuorumRestored = "quorum_restored";
    public const string KnobFailJoin = "knob_fail_join";
    public const string KnobSlowDrain = "knob_slow_drain";
    public const string Kill = "kill";
}
