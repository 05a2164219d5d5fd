namespace Provisioner.Hcl.Values;

/// <summary>A prepared conversion from one type to another; failures are returned, not thrown.</summary>
public delegate HclResult HclConversion(HclValue value);
