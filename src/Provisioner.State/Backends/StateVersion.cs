namespace Provisioner.State.Backends;

/// <summary>
/// Which state a write replaces: its lineage and serial. Backends compare it with what they hold (compare-and-swap),
/// so a writer that read an older serial, or another lineage, is refused instead of losing someone's update.
/// </summary>
public readonly record struct StateVersion(string Lineage, long Serial)
{
    public override string ToString() => $"lineage {Lineage}, serial {Serial}";
}
