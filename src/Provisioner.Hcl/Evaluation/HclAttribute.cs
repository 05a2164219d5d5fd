using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>An attribute (argument) of a body: <c>name = expression</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Expression">Its value expression.</param>
/// <param name="Range">The whole definition, from the name to the end of the expression.</param>
/// <param name="NameRange">The name only.</param>
public sealed record HclAttribute(string Name, IHclExpression Expression, SourceRange Range, SourceRange NameRange);
