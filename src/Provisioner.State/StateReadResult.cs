using System.Diagnostics.CodeAnalysis;

namespace Provisioner.State;

/// <summary>A decoded state, or why it could not be decoded (a message for the user, never a stack trace).</summary>
public sealed record StateReadResult(StateSnapshot? Snapshot, string? Error)
{
    [MemberNotNullWhen(true, nameof(Snapshot))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;
}
