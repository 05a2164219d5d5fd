namespace Provisioner.Hcl.Syntax;

/// <summary>One <c>key = value</c> (or <c>key: value</c>) item of an object constructor.</summary>
public readonly record struct ObjectConsItem(ObjectConsKeyExpr Key, Expression Value);
