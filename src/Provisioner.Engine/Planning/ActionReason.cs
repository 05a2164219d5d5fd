namespace Provisioner.Engine.Planning;

/// <summary>Why an action was chosen, in the plan JSON's <c>action_reason</c> vocabulary.</summary>
public enum ActionReason
{
    None,
    ReplaceBecauseCannotUpdate,
    ReplaceBecauseTainted,
    ReplaceByRequest,
    ReplaceByTriggers,
    DeleteBecauseNoResourceConfig,
    DeleteBecauseWrongRepetition,
    DeleteBecauseCountIndex,
    DeleteBecauseEachKey,
    DeleteBecauseNoModule,
    ReadBecauseConfigUnknown,
    ReadBecauseDependencyPending,
}
