using Provisioner.Hcl.Diagnostics;
using Provisioner.State;

namespace Provisioner.Engine.Execution;

/// <summary>What an apply did: the new state (to persist), diagnostics, and the counts for the summary line.</summary>
/// <param name="State">The state after the apply (serial not yet incremented: the caller persists it).</param>
/// <param name="Stopped">True when interrupted: some steps never started.</param>
public sealed record ApplyOutcome(StateSnapshot State, DiagnosticList Diagnostics, int Added, int Changed, int Destroyed, int Failed, bool Stopped)
{
    /// <summary>Objects adopted by <c>import</c> blocks.</summary>
    public int Imported { get; init; }

    /// <summary>Objects dropped from state by <c>removed</c> blocks (not destroyed).</summary>
    public int Forgotten { get; init; }

    public bool Succeeded => !Diagnostics.HasErrors && !Stopped;
}
