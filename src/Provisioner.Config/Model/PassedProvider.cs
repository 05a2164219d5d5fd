namespace Provisioner.Config;

/// <summary>An entry of a module call's <c>providers = { CHILD = PARENT }</c> map.</summary>
public sealed record PassedProvider(ProviderRef InChild, ProviderRef InParent);
