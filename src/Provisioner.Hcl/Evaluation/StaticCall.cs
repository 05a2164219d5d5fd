using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Evaluation;

/// <summary>A function call read statically (HCL's <c>hcl.StaticCall</c>): its name and argument expressions.</summary>
/// <param name="Name">The function name as written.</param>
/// <param name="NameRange">The name's range.</param>
/// <param name="Arguments">The argument expressions, unevaluated.</param>
/// <param name="ArgsRange">From the open to the close parenthesis.</param>
public sealed record StaticCall(string Name, SourceRange NameRange, IReadOnlyList<IHclExpression> Arguments, SourceRange ArgsRange);
