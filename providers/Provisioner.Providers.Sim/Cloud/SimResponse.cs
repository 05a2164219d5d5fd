namespace Provisioner.Providers.Sim.Cloud;

/// <summary>An answer of the simulated cloud API: a value or an error.</summary>
public readonly record struct SimResponse<T>(T? Value, SimError? Error)
{
    public bool IsError => Error is not null;

    public static SimResponse<T> Ok(T value) => new(value, null);

    public static SimResponse<T> Fail(SimError error) => new(default, error);
}
