using System.Net.Sockets;
using Npgsql;

namespace Provisioner.State.Postgres;

/// <summary>
/// Turns driver failures into <see cref="Backends.StateBackendException"/> with a message for the user that names the
/// server (host, port, database) and never the connection string or its password.
/// </summary>
internal sealed class PostgresErrors(string server, string? password, string schema)
{
    /// <summary>Whether <paramref name="ex"/> is an environmental failure of the database (not a bug).</summary>
    public static bool IsBackendFailure(Exception ex) =>
        ex is NpgsqlException or SocketException or TimeoutException or IOException
        || (ex is InvalidOperationException && ex.Source == "Npgsql");

    public Backends.StateBackendException Wrap(string action, Exception ex)
    {
        var detail = ex switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } =>
                $"a table of the backend is missing in schema \"{schema}\" (create it, or unset skip_table_creation): {ex.Message}",
            PostgresException { SqlState: PostgresErrorCodes.InvalidSchemaName } =>
                $"schema \"{schema}\" does not exist (create it, or unset skip_schema_creation): {ex.Message}",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } =>
                $"permission denied (the user needs the rights to use, or create, schema \"{schema}\" and its tables): {ex.Message}",
            PostgresException pg => pg.Message,
            NpgsqlException { InnerException: { } inner } npg when npg.Message.StartsWith("Failed to connect", StringComparison.Ordinal) =>
                $"cannot connect: {inner.Message}",
            _ => ex.Message,
        };
        return new Backends.StateBackendException($"postgres backend {server}: {action} failed: {Scrub(detail)}", new PostgresBackendFailure(Scrub(ex.ToString())));
    }

    /// <summary>Removes the password from a text, should a driver ever quote it.</summary>
    public string Scrub(string text) =>
        string.IsNullOrEmpty(password) ? text : text.Replace(password, "********", StringComparison.Ordinal);
}
