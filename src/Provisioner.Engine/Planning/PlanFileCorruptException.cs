namespace Provisioner.Engine.Planning;

/// <summary>Thrown and caught inside <see cref="PlanFile"/> only, to unwind out of a malformed document; never escapes.</summary>
internal sealed class PlanFileCorruptException(string message) : Exception(message);
