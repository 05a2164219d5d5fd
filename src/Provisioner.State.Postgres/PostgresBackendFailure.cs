namespace Provisioner.State.Postgres;

/// <summary>
/// The inner exception of a <see cref="Backends.StateBackendException"/> from the postgres backend: the driver's
/// failure as text, scrubbed of the password (the driver's own exception objects are not kept, since they carry the
/// connection settings).
/// </summary>
public sealed class PostgresBackendFailure : Exception
{
    public PostgresBackendFailure()
    {
    }

    public PostgresBackendFailure(string message)
        : base(message)
    {
    }

    public PostgresBackendFailure(string message, Exception inner)
        : base(message, inner)
    {
    }
}
