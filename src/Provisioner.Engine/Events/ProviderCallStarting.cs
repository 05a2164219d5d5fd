using Provisioner.Sdk.Protocol;

namespace Provisioner.Engine.Events;

/// <summary>
/// Emitted immediately before a mutating provider call: what the journal (issue 4) appends and fsyncs, so that after
/// a crash the call can be resolved through <c>RecoverAsync</c> with the same idempotency token.
/// </summary>
public sealed record ProviderCallStarting(DateTimeOffset Time, string Address, string? Deposed, ChangeKind Kind, string IdempotencyToken, long Generation) : EngineEvent(Time);
