namespace Provisioner.Sdk.Protocol;

/// <summary>Adopts an existing object by its provider id.</summary>
public sealed record ImportRequest(string TypeName, string Id);
