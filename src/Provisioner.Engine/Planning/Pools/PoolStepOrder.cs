namespace Provisioner.Engine.Planning.Pools;

/// <summary>Within one pool: the step of <paramref name="Key"/> (its delete or its create) runs after the step of <paramref name="AfterKey"/>.</summary>
internal sealed record PoolStepOrder(string Key, bool Delete, string AfterKey, bool AfterDelete);
