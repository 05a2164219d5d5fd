using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>What a <c>validation</c>, <c>precondition</c>, <c>postcondition</c> or <c>assert</c> block is.</summary>
public enum CheckRuleKind
{
    Validation,
    Precondition,
    Postcondition,
    Assert,
}

/// <summary>A condition with its error message (HCL expressions, evaluated by the engine).</summary>
public sealed record CheckRule(
    CheckRuleKind Kind,
    IHclExpression Condition,
    IHclExpression ErrorMessage,
    SourceRange DeclRange);
