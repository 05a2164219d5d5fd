namespace Provisioner.Config;

/// <summary>What a <c>validation</c>, <c>precondition</c>, <c>postcondition</c> or <c>assert</c> block is.</summary>
public enum CheckRuleKind
{
    Validation,
    Precondition,
    Postcondition,
    Assert,
}
