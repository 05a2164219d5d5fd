namespace Provisioner.Sdk.Protocol;

/// <summary>What became of an interrupted call.</summary>
public enum RecoverOutcome
{
    /// <summary>The call took effect: <see cref="RecoverResult.State"/> is the object now (null value after a delete).</summary>
    Completed,

    /// <summary>The call never took effect: nothing to adopt; the change can simply be planned again.</summary>
    NotApplied,
}
