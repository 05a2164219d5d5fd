using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>A condition with its error message (HCL expressions, evaluated by the engine).</summary>
public sealed record CheckRule(
    CheckRuleKind Kind,
    IHclExpression Condition,
    IHclExpression ErrorMessage,
    SourceRange DeclRange);
