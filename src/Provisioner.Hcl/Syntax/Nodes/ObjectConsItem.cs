namespace Provisioner.Hcl.Syntax;

/// <summary>One <c>key = value</c> (or <c>key: value</c>) item of an object constructor.</summary>
public sealed record ObjectConsItem(ObjectConsKeyExpr Key, Expression Value);
