namespace Provisioner.Engine.Execution;

/// <summary>How to run a plan.</summary>
/// <param name="Parallelism">At most this many provider operations in flight (<c>-parallelism</c>, default 10).</param>
public sealed record ApplyOptions(int Parallelism = 10);
