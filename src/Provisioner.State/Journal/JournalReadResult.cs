using System.Diagnostics.CodeAnalysis;

namespace Provisioner.State.Journal;

/// <summary>A decoded journal, or why it could not be decoded (a message for the user).</summary>
public sealed record JournalReadResult(JournalContents? Contents, string? Error)
{
    [MemberNotNullWhen(true, nameof(Contents))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;
}
