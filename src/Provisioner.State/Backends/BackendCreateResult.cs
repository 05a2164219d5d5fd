namespace Provisioner.State.Backends;

/// <summary>A configured backend, or why its settings are invalid (a message for the user, naming the argument).</summary>
public sealed record BackendCreateResult(IStateBackend? Backend, string? Error)
{
    public static BackendCreateResult Ok(IStateBackend backend) => new(backend, null);

    public static BackendCreateResult Invalid(string error) => new(null, error);
}
