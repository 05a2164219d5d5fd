namespace Provisioner.Sdk.Schema;

/// <summary>One group of a member type's serial chain (see <see cref="MemberSchema.SerialGroups"/>).</summary>
/// <param name="Role">The node role selecting the group's members (<c>etcd</c>, <c>controlplane</c>, <c>worker</c>).</param>
public sealed record MemberSerialGroup(string Role)
{
    /// <summary>How many members of the group may change at once when <see cref="BatchSizeAttribute"/> gives no number (minimum 1).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// A path into the parent resource's object holding the batch size (e.g.
    /// <c>upgrade_strategy.max_unavailable_worker</c>): a number, or a string with a count (<c>"3"</c>) or a percentage
    /// of the group's members (<c>"10%"</c>, rounded down, at least 1); null, unknown or below 1 falls back to <see cref="BatchSize"/>.
    /// </summary>
    public AttributePath? BatchSizeAttribute { get; init; }
}
