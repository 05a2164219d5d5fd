using Provisioner.Sdk.Protocol;

namespace Provisioner.Engine.Events;

/// <summary>Emitted after a mutating provider call returned (successfully or not) and its result was recorded in the working state.</summary>
public sealed record ProviderCallFinished(DateTimeOffset Time, string Address, string? Deposed, ChangeKind Kind, string IdempotencyToken, bool Succeeded) : EngineEvent(Time);
