namespace Provisioner.Hcl.Evaluation;

/// <summary>One item of a statically read map expression (HCL's <c>hcl.KeyValuePair</c>).</summary>
public sealed record StaticMapItem(IHclExpression Key, IHclExpression Value);
