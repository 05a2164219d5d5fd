namespace Provisioner.State.Backends;

/// <summary>
/// A backend could not be reached or refused the request (connection refused, authentication, a missing schema, a
/// timeout): an environmental failure like an <see cref="IOException"/>, not a bug. The message is for the user (it
/// names the backend and never contains a secret such as a password from a connection string). Stale writes and
/// held locks are not exceptions: they are results.
/// </summary>
public sealed class StateBackendException : Exception
{
    public StateBackendException()
    {
    }

    public StateBackendException(string message)
        : base(message)
    {
    }

    public StateBackendException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
