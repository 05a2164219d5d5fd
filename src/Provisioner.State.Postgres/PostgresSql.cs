using System.Globalization;

namespace Provisioner.State.Postgres;

/// <summary>
/// The SQL of the postgres backend for one schema. Tables (all in <c>schema_name</c>, prefixed so they never collide
/// with Terraform's own <c>states</c> table in the same schema):
/// <list type="bullet">
/// <item><c>provisioner_states</c>: one row per workspace (lineage, serial, data, updated_at).</item>
/// <item><c>provisioner_state_history</c>: the versions replaced by writes, the last <see cref="HistoryKept"/> per workspace.</item>
/// <item><c>provisioner_journal</c>: apply journal records (workspace, seq, record).</item>
/// <item><c>provisioner_locks</c>: lock leases (workspace, lock_id, info, expires_at by the server's clock).</item>
/// </list>
/// </summary>
internal sealed class PostgresSql
{
    /// <summary>How many previous versions of each workspace's state are kept.</summary>
    public const int HistoryKept = 10;

    public PostgresSql(string schema)
    {
        Schema = schema;
        var s = Quote(schema);
        States = $"{s}.provisioner_states";
        History = $"{s}.provisioner_state_history";
        Journal = $"{s}.provisioner_journal";
        Locks = $"{s}.provisioner_locks";

        CreateSchema = $"CREATE SCHEMA IF NOT EXISTS {s}";
        CreateTables =
        [
            $"""
            CREATE TABLE IF NOT EXISTS {States} (
                workspace text PRIMARY KEY,
                lineage text NOT NULL,
                serial bigint NOT NULL,
                data bytea NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now())
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {History} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                workspace text NOT NULL,
                lineage text NOT NULL,
                serial bigint NOT NULL,
                data bytea NOT NULL,
                updated_at timestamptz NOT NULL,
                replaced_at timestamptz NOT NULL DEFAULT now())
            """,
            $"CREATE INDEX IF NOT EXISTS provisioner_state_history_workspace ON {History} (workspace, id)",
            $"""
            CREATE TABLE IF NOT EXISTS {Journal} (
                workspace text NOT NULL,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                record bytea NOT NULL,
                PRIMARY KEY (workspace, seq))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {Locks} (
                workspace text PRIMARY KEY,
                lock_id text NOT NULL,
                info jsonb NOT NULL,
                expires_at timestamptz NOT NULL)
            """,
        ];

        ReadState = $"SELECT lineage, serial, data FROM {States} WHERE workspace = $1";
        ReadStateForUpdate = $"SELECT lineage, serial FROM {States} WHERE workspace = $1 FOR UPDATE";
        InsertState = $"INSERT INTO {States} (workspace, lineage, serial, data) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace) DO NOTHING";
        ReadVersion = $"SELECT lineage, serial FROM {States} WHERE workspace = $1";
        CopyToHistory = $"INSERT INTO {History} (workspace, lineage, serial, data, updated_at) SELECT workspace, lineage, serial, data, updated_at FROM {States} WHERE workspace = $1";
        UpdateState = $"UPDATE {States} SET lineage = $2, serial = $3, data = $4, updated_at = now() WHERE workspace = $1";
        PruneHistory = string.Create(CultureInfo.InvariantCulture,
            $"DELETE FROM {History} WHERE workspace = $1 AND id < (SELECT id FROM {History} WHERE workspace = $1 ORDER BY id DESC OFFSET {HistoryKept - 1} LIMIT 1)");
        ListWorkspaces = $"SELECT workspace FROM {States}";
        DeleteWorkspace =
        [
            $"DELETE FROM {States} WHERE workspace = $1",
            $"DELETE FROM {History} WHERE workspace = $1",
            $"DELETE FROM {Journal} WHERE workspace = $1",
            $"DELETE FROM {Locks} WHERE workspace = $1",
        ];

        JournalExists = $"SELECT EXISTS (SELECT 1 FROM {Journal} WHERE workspace = $1)";
        JournalRead = $"SELECT record FROM {Journal} WHERE workspace = $1 ORDER BY seq";
        JournalAppend = $"INSERT INTO {Journal} (workspace, record) SELECT $1, r FROM unnest($2::bytea[]) WITH ORDINALITY AS t(r, o) ORDER BY o";
        JournalDelete = $"DELETE FROM {Journal} WHERE workspace = $1";

        // One statement: insert, or take over a row whose lease has expired (the conflicting row is locked, so two
        // takers cannot both win). Returns a row only when the lock was taken.
        LockTake = $"""
            INSERT INTO {Locks} AS l (workspace, lock_id, info, expires_at)
            VALUES ($1, $2, $3::jsonb, now() + make_interval(secs => $4))
            ON CONFLICT (workspace) DO UPDATE
                SET lock_id = EXCLUDED.lock_id, info = EXCLUDED.info, expires_at = EXCLUDED.expires_at
                WHERE l.expires_at < now()
            RETURNING lock_id
            """;
        LockHolder = $"SELECT info::text FROM {Locks} WHERE workspace = $1";
        LockRenew = $"UPDATE {Locks} SET expires_at = now() + make_interval(secs => $3) WHERE workspace = $1 AND lock_id = $2";
        LockRelease = $"DELETE FROM {Locks} WHERE workspace = $1 AND lock_id = $2";
        LockCurrentId = $"SELECT lock_id FROM {Locks} WHERE workspace = $1";
    }

    public string Schema { get; }

    public string States { get; }

    public string History { get; }

    public string Journal { get; }

    public string Locks { get; }

    public string CreateSchema { get; }

    public IReadOnlyList<string> CreateTables { get; }

    public string ReadState { get; }

    public string ReadStateForUpdate { get; }

    public string InsertState { get; }

    public string ReadVersion { get; }

    public string CopyToHistory { get; }

    public string UpdateState { get; }

    public string PruneHistory { get; }

    public string ListWorkspaces { get; }

    /// <summary>One statement per table (run as one batch, in one transaction).</summary>
    public IReadOnlyList<string> DeleteWorkspace { get; }

    public string JournalExists { get; }

    public string JournalRead { get; }

    public string JournalAppend { get; }

    public string JournalDelete { get; }

    public string LockTake { get; }

    public string LockHolder { get; }

    public string LockRenew { get; }

    public string LockRelease { get; }

    public string LockCurrentId { get; }

    /// <summary>A quoted SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
